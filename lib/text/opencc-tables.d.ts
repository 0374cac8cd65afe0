/** opencc-js publishes its tables without types: the traditional → simplified group is a DictGroup list. */
declare module 'opencc-js/to/cn' {
  const table: import('opencc-js/core').DictGroup[];
  export default table;
}
