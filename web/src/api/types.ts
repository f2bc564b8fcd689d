// Shapes the API returns, now kept per domain (customers.ts, orders.ts, …); re-exported here for the pages that
// still import them from this file. New code imports the domain module.
export type { Me } from './auth';
export type { Contact, Address, Customer } from './customers';
export type { Product } from './products';
export type { Warehouse } from './warehouses';
export type { StockRow, Movement } from './stock';
export type { User } from './users';
export type { OrderLine, Order, HistoryRow } from './orders';
export type { Stage, Checks, QueueItem } from './review';
export type { ProductionRequest } from './production';
export type { Notice } from './notifications';
export type { ReturnLine, ReturnDoc, ReturnListItem, QuarantineRow, ReturnHistoryRow } from './returns';
export type { SampleLoan } from './samples';
export type { PrepRequest } from './prep';
