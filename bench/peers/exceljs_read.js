// Peer: exceljs's streaming reader (WorkbookReader), every cell value of
// every sheet.   node exceljs_read.js FILE.xlsx
const ExcelJS = require('exceljs');
(async () => {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], {
    sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore',
    worksheets: 'emit', entries: 'emit'});
  let n = 0;
  for await (const ws of reader) {
    for await (const row of ws) {
      row.eachCell(() => { n++; });
    }
  }
  console.log(n);
})().catch((e) => { console.error(e.message); process.exit(1); });
