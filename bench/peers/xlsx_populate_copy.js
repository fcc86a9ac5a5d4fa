// Peer for convert (edit in place): xlsx-populate loads a workbook as a
// package, changes one cell and saves it, keeping what it does not parse.
//   node xlsx_populate_copy.js IN.xlsx OUT.xlsx
const XlsxPopulate = require('xlsx-populate');
XlsxPopulate.fromFileAsync(process.argv[2])
  .then((wb) => {
    wb.sheet(0).cell('A1').value(wb.sheet(0).cell('A1').value());
    return wb.toFileAsync(process.argv[3]);
  })
  .catch((e) => { console.error(e.message); process.exit(1); });
