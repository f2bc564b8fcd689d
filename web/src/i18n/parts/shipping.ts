// Shipping: the carrier rules' days in transit (the expected arrival the shipping notice gives).
export const zh = { ful: { transitDays: '在途天数' } };
