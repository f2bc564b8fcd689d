// English of ../parts/ops.ts: fetched with the rest of English the first time someone reads in English.
export const en = {
  ops: {
    filter: {
      status: 'Status',
      carrier: 'Carrier',
      customer: 'Customer',
      from: 'From',
      to: 'To',
      clear: 'Clear filters',
    },
    allShipments: 'All shipments',
    shipping: 'Shipping & delivery',
    enterTracking: 'Enter tracking no.',
    createdAt: 'Created',
    registeredAt: 'Registered',
    select: 'Select',
    pickLists: 'Pick lists',
    details: 'Details',
    empty: {
      shipments: 'Create a shipment for an order under "Orders to ship"; it will appear here',
      logistics: 'Shipments appear here once the warehouse ships them: enter tracking numbers and record delivery',
      queue: 'Orders appear here once confirmed with stock reserved',
      callbacks: 'A call-back task is made when an order is delivered; none are waiting now',
      complaints: 'Choose "Problem" when recording a call-back to register a complaint',
      exceptions: 'Record exceptions of shipped goods from the shipment details in the warehouse',
      stale: 'Every shipment on the road has recent tracking',
      pickLists: 'Pick lists are made when an allocation plan is released',
    },
  },
};
