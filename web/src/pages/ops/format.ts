import dayjs from 'dayjs';

/** A moment as YYYY-MM-DD HH:mm in the browser's time, or nothing. */
export const dateTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');
