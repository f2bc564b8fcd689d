// Every area's English texts in one chunk, fetched the first time someone reads in English.
type Tree = { [k: string]: string | Tree };
export const englishAreas = Object.values(import.meta.glob<Tree>('./parts-en/*.ts', { eager: true, import: 'en' }));
