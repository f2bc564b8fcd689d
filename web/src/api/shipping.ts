// 出库与物流: shipments through pick, recheck, pack, ship and deliver; tracking, exceptions and carrier rules.
import { apiLanguage, call, urlOf, type BodyOf, type Page, type QueryOf } from './client';

export type ShipmentRow = {
  id: string;
  number: string;
  status: string;
  customerName: string;
  carrier: string;
  trackingNo: string;
  pickDueAt: string;
  pickLate: boolean;
  trackingLate: boolean;
  shippedAt: string | null;
  deliveredAt: string | null;
  signedBy: string | null;
  createdAt: string;
  /** The steps the server lets this user take now. */
  actions: string[];
};
export type Shipment = ShipmentRow & {
  consignee: { consignee: string; address: string };
  lines: { lineNo: number; orderId: string; orderNumber: string; sku: string; name: string; qty: number }[];
  events: { id: string; at: string; location: string; description: string }[];
  exceptions: { id: string; type: string; action: string; status: string }[];
  signedBy: string | null;
  proofs: { id: string; filename: string }[];
};
export type LogisticsException = {
  id: string;
  shipmentId: string;
  shipmentNumber: string;
  type: string;
  foundAt: string;
  action: string;
  result: string;
  customerInformed: boolean;
  status: string;
  /** What this user may do with the exception now (from the server). */
  actions: string[];
};
/** A shipped shipment without tracking movement for a while. */
export type StaleShipment = {
  id: string;
  number: string;
  carrier: string;
  trackingNo: string;
  shippedAt: string;
  lastEventAt: string | null;
};
/** Destination region → carrier, and the days it takes there (3 when not given). */
export type CarrierRule = { region: string; carrier: string; transitDays?: number };
/** The steps taken with one click (ship and deliver ask for details). */
export type ShipmentStep = 'pick' | 'recheck' | 'pack';

export type PickList = {
  id: string;
  targetKind: string;
  targetName: string;
  status: string;
  units: number;
  createdAt: string;
  postedAt: string | null;
  /** What I may do with it now, from the server. */
  actions: string[];
};
export type PickListLine = {
  lineNo: number;
  sku: string;
  name: string;
  qty: number;
  orderId: string | null;
  orderNumber: string | null;
};

/** A confirmed order in a department's queue. */
export type QueueItem = {
  id: string;
  number: string;
  status: string;
  customerName: string;
  paymentMethod: string;
  total: string;
  paid: string;
  toShip: number;
  backordered: number;
  expectedDeliveryDate: string | null;
  urgent: boolean;
};

export type ShipBody = BodyOf<'POST /api/shipments/{id}/ship'>;
export type TrackingBody = BodyOf<'POST /api/shipments/{id}/tracking'>;
export type DeliverBody = BodyOf<'POST /api/shipments/{id}/deliver'>;
export type TrackingEventBody = BodyOf<'POST /api/shipments/{id}/events'>;
export type ExceptionBody = BodyOf<'POST /api/shipments/{id}/exceptions'>;
export type CloseExceptionBody = BodyOf<'POST /api/logistics-exceptions/{id}/close'>;

export const shippingApi = {
  /** The paged, filtered shipment list, for ServerTable, and its export. */
  searchUrl: urlOf('GET /api/shipments/search'),
  exportUrl: urlOf('GET /api/shipments/export.xlsx'),
  outboundOrderUrl: (id: string) => urlOf('GET /api/shipments/{id}/outbound-order', { params: { id } }),
  deliveryNoteUrl: (id: string) => urlOf('GET /api/shipments/{id}/delivery-note', { params: { id } }),
  /** A proof of delivery (or any attachment) to download. */
  attachmentUrl: (id: string) => urlOf('GET /api/attachments/{id}', { params: { id } }),
  trackingImportUrl: urlOf('POST /api/tracking-events/import'),
  trackingTemplateUrl: () => urlOf('GET /api/tracking-events/template.xlsx', { query: { lang: apiLanguage() } }),
  get: (id: string): Promise<Shipment> => call('GET /api/shipments/{id}', { params: { id } }),
  /** One shipment for the given confirmed orders. */
  create: (orderIds: string[]): Promise<unknown> => call('POST /api/shipments', { body: { orderIds } }),
  step: (id: string, step: ShipmentStep): Promise<unknown> =>
    step === 'pick'
      ? call('POST /api/shipments/{id}/pick', { params: { id }, body: {} })
      : step === 'recheck'
        ? call('POST /api/shipments/{id}/recheck', { params: { id }, body: {} })
        : call('POST /api/shipments/{id}/pack', { params: { id }, body: {} }),
  ship: (id: string, body: ShipBody): Promise<unknown> =>
    call('POST /api/shipments/{id}/ship', { params: { id }, body }),
  tracking: (id: string, body: TrackingBody): Promise<unknown> =>
    call('POST /api/shipments/{id}/tracking', { params: { id }, body }),
  deliver: (id: string, body: DeliverBody): Promise<unknown> =>
    call('POST /api/shipments/{id}/deliver', { params: { id }, body }),
  uploadProof: (id: string, body: FormData): Promise<unknown> =>
    call('POST /api/shipments/{id}/proof', { params: { id }, body }),
  addEvent: (id: string, body: TrackingEventBody): Promise<unknown> =>
    call('POST /api/shipments/{id}/events', { params: { id }, body }),
  logException: (id: string, body: ExceptionBody): Promise<unknown> =>
    call('POST /api/shipments/{id}/exceptions', { params: { id }, body }),
  exceptions: (): Promise<LogisticsException[]> => call('GET /api/logistics-exceptions'),
  closeException: (id: string, body: CloseExceptionBody): Promise<unknown> =>
    call('POST /api/logistics-exceptions/{id}/close', { params: { id }, body }),
  stale: (): Promise<StaleShipment[]> => call('GET /api/shipments/stale'),
  carrierRules: (): Promise<CarrierRule[]> => call('GET /api/carrier-rules'),
  saveCarrierRules: (body: CarrierRule[]): Promise<unknown> => call('PUT /api/carrier-rules', { body }),
  /** Confirmed orders the warehouse can ship, or finance waits for money on; urgent first. */
  queue: (query: { queue: 'warehouse' | 'finance'; page: number; pageSize: number }): Promise<Page<QueueItem>> =>
    call('GET /api/fulfilment/queue', { query }),
  pickLists: (status: PickListStatus): Promise<PickList[]> => call('GET /api/pick-lists', { query: { status } }),
  pickList: (id: string): Promise<PickList & { lines: PickListLine[] }> =>
    call('GET /api/pick-lists/{id}', { params: { id } }),
  /** Posting a pick list ships what it holds. */
  postPickList: (id: string): Promise<unknown> => call('POST /api/pick-lists/{id}/post', { params: { id } }),
};
export type PickListStatus = QueryOf<'GET /api/pick-lists'>['status'];
