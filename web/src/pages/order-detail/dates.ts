// Dates as YYYY-MM-DD and date-times as YYYY-MM-DD HH:mm: one formatter for the whole app.
export { dateTime } from '../../format';
