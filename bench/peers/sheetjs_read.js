// Peer: SheetJS (the npm "xlsx" package), whole workbook read, every
// sheet turned into CSV as its CLI does.   node sheetjs_read.js FILE.xlsx
const XLSX = require('xlsx');
const wb = XLSX.readFile(process.argv[2], {dense: true});
let n = 0;
for (const name of wb.SheetNames) {
  n += XLSX.utils.sheet_to_csv(wb.Sheets[name]).length;
}
console.log(n);
