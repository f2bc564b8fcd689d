// Delivery and feedback live in one file per use case: record-delivery.ts, callbacks.ts, complaints.ts.
// This module keeps the names other modules import from it.
export { recordDelivery } from './record-delivery';
export { flagLateComplaints } from './complaints';
