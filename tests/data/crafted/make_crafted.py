#!/usr/bin/env python3
"""Small crafted workbooks that used to cost ragbook far more than their
size (issue 16), written as raw XML so each is exactly the attack:
  rich-256-runs.xlsx   one shared string of 256 rich-text runs (libxlsxwriter
                       1.1.4 counts fragments in 8 bits: copy/convert hung)
  bad-char-xffff.xlsx  '_xFFFF_' and '_xFFFE_' escapes, decoded into
                       characters XML 1.0 forbids
  dup-sheet-names.xlsx 2,000 sheets all called "Sheet" (copy and convert
                       were cubic in them: 35 s)
  shared-formula-30k.xlsx  a 6 KB shared formula over 30,000 cells (each
                       child got the master's text: dump 1.9 GB, convert
                       3.9 GB and 86 s)
  same-part-64.xlsx, same-part-4096.xlsx  one worksheet part of 100,000
                       cells listed under 64 and 4,096 sheets (limits
                       counted per sheet: dump 1.3 GB; memory and spool
                       without bound)
  wide-dimension.xlsx  two cells (A1, A1048576) under a declared A1:XFD1
                       (cells --format csv took its width from the
                       dimension: 13.8 GB)
  zip64-directory.xlsx every central-directory entry with its sizes as
                       0xFFFFFFFF and the real ones in a ZIP64 field (Debian's
                       minizip 1.1 missed the sentinel on 64-bit: "damaged")
  entries-65535.xlsx   a zip of exactly 65,535 entries (minizip 1.1 took the
                       count for "unknown" and read on: "damaged")
  merged-rows-80k.xlsx an action table of 80,000 rows, each with its comment
                       cells merged (80,000 merges): recognition walked
                       every merge for each cell it asked about (validate
                       26 s at 50,000 rows, 35 s with month bars read)
Usage: make_crafted.py OUTDIR"""
import os
import struct
import sys
import zipfile

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>')
WB = ('<?xml version="1.0" encoding="UTF-8"?>'
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
      '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
WB_RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
           '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
           '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
           '</Relationships>')
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def sheet(cells):
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet %s><sheetData>'
            '<row r="1">%s</row></sheetData></worksheet>' % (NS, cells))


def write(path, sst, cells):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('_rels/.rels', RELS)
        z.writestr('xl/workbook.xml', WB)
        z.writestr('xl/_rels/workbook.xml.rels', WB_RELS)
        z.writestr('xl/sharedStrings.xml',
                   '<?xml version="1.0" encoding="UTF-8"?><sst %s>%s</sst>'
                   % (NS, sst))
        z.writestr('xl/worksheets/sheet1.xml', sheet(cells))


def rich(n):
    runs = ''.join('<r><rPr><b val="%d"/><sz val="%d"/></rPr><t>r%d</t></r>'
                   % (i % 2, 10 + i % 3, i) for i in range(n))
    return '<si>%s</si>' % runs


def dup_names(path, n):
    wb = ('<?xml version="1.0" encoding="UTF-8"?><workbook %s '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
          'relationships"><sheets>%s</sheets></workbook>'
          % (NS, ''.join('<sheet name="Sheet" sheetId="%d" r:id="rId%d"/>'
                         % (i + 1, i + 1) for i in range(n))))
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns='
            '"http://schemas.openxmlformats.org/package/2006/relationships">'
            '%s</Relationships>'
            % ''.join('<Relationship Id="rId%d" Type="http://schemas.'
                      'openxmlformats.org/officeDocument/2006/relationships/'
                      'worksheet" Target="worksheets/s%d.xml"/>' % (i + 1, i)
                      for i in range(n)))
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('_rels/.rels', RELS)
        z.writestr('xl/workbook.xml', wb)
        z.writestr('xl/_rels/workbook.xml.rels', rels)
        for i in range(n):
            z.writestr('xl/worksheets/s%d.xml' % i,
                       sheet('<c r="A1"><v>%d</v></c>' % i))


def shared_formula(path, n):
    """A 6 KB master of relative references, then n - 1 children that say
    only 'as si 0' (rows and cells without r: ~10 bytes each)."""
    master = '+'.join('A%d*B%d' % (i, i) for i in range(1, 700))[:6000]
    master = master.rsplit('+', 1)[0]
    rows = ['<row r="1"><c r="A1"><f t="shared" ref="A1:A%d" si="0">%s</f>'
            '<v>0</v></c></row>' % (n, master)]
    rows += ['<row><c><f t="shared" si="0"/><v>0</v></c></row>'] * (n - 1)
    xml = ('<?xml version="1.0" encoding="UTF-8"?><worksheet %s><sheetData>'
           '%s</sheetData></worksheet>' % (NS, ''.join(rows)))
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('_rels/.rels', RELS)
        z.writestr('xl/workbook.xml', WB)
        z.writestr('xl/_rels/workbook.xml.rels', WB_RELS)
        z.writestr('xl/sharedStrings.xml', '<sst %s/>' % NS)
        z.writestr('xl/worksheets/sheet1.xml', xml)


def same_part(path, n, cells):
    """n sheets whose relationships all point at one worksheet part."""
    wb = ('<?xml version="1.0" encoding="UTF-8"?><workbook %s '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
          'relationships"><sheets>%s</sheets></workbook>'
          % (NS, ''.join('<sheet name="S%d" sheetId="%d" r:id="rId%d"/>'
                         % (i, i + 1, i + 1) for i in range(n))))
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns='
            '"http://schemas.openxmlformats.org/package/2006/relationships">'
            '%s</Relationships>'
            % ''.join('<Relationship Id="rId%d" Type="http://schemas.'
                      'openxmlformats.org/officeDocument/2006/relationships/'
                      'worksheet" Target="worksheets/sheet1.xml"/>' % (i + 1)
                      for i in range(n)))
    row = '<row>%s</row>' % ('<c><v>1</v></c>' * 100)
    xml = ('<?xml version="1.0" encoding="UTF-8"?><worksheet %s><sheetData>'
           '%s</sheetData></worksheet>' % (NS, row * (cells // 100)))
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('_rels/.rels', RELS)
        z.writestr('xl/workbook.xml', wb)
        z.writestr('xl/_rels/workbook.xml.rels', rels)
        z.writestr('xl/worksheets/sheet1.xml', xml)


def wide_dimension(path):
    xml = ('<?xml version="1.0" encoding="UTF-8"?><worksheet %s>'
           '<dimension ref="A1:XFD1"/><sheetData>'
           '<row r="1"><c r="A1"><v>1</v></c></row>'
           '<row r="1048576"><c r="A1048576"><v>2</v></c></row>'
           '</sheetData></worksheet>' % NS)
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('_rels/.rels', RELS)
        z.writestr('xl/workbook.xml', WB)
        z.writestr('xl/_rels/workbook.xml.rels', WB_RELS)
        z.writestr('xl/sharedStrings.xml', '<sst %s/>' % NS)
        z.writestr('xl/worksheets/sheet1.xml', xml)


def small_parts():
    return [('[Content_Types].xml', CT), ('_rels/.rels', RELS),
            ('xl/workbook.xml', WB), ('xl/_rels/workbook.xml.rels', WB_RELS),
            ('xl/sharedStrings.xml',
             '<sst %s><si><t>hi</t></si></sst>' % NS),
            ('xl/worksheets/sheet1.xml',
             sheet('<c r="A1" t="s"><v>0</v></c><c r="B1"><v>2</v></c>'))]


def zip64_directory(path):
    """Written by zipfile with force_zip64 (ZIP64 local headers), then the
    central directory rewritten as writers that always use ZIP64 write it:
    sizes 0xFFFFFFFF, the real ones in a ZIP64 extra field, a ZIP64 end
    record and locator."""
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, text in small_parts():
            with z.open(name, 'w', force_zip64=True) as f:
                f.write(text.encode())
    data = open(path, 'rb').read()
    eocd = data.rindex(b'PK\x05\x06')
    n, cd_size, cd_off = struct.unpack('<HII', data[eocd + 10:eocd + 20])
    p, out = cd_off, []
    for _ in range(n):
        head = struct.unpack('<IHHHHHHIIIHHHHHII', data[p:p + 46])
        nl, el, cl = head[10:13]
        name = data[p + 46:p + 46 + nl]
        extra, keep, e = data[p + 46 + nl:p + 46 + nl + el], b'', 0
        while e + 4 <= len(extra):
            hid, hl = struct.unpack('<HH', extra[e:e + 4])
            if hid != 1:
                keep += extra[e:e + 4 + hl]
            e += 4 + hl
        extra = struct.pack('<HHQQ', 1, 16, head[9], head[8]) + keep
        fields = list(head)
        fields[1] = fields[2] = 45
        fields[8] = fields[9] = 0xFFFFFFFF
        fields[11] = len(extra)
        out.append(struct.pack('<IHHHHHHIIIHHHHHII', *fields) + name +
                   extra + data[p + 46 + nl + el:p + 46 + nl + el + cl])
        p += 46 + nl + el + cl
    cd = b''.join(out)
    z64_off = cd_off + len(cd)
    end = (struct.pack('<IQHHIIQQQQ', 0x06064b50, 44, 45, 45, 0, 0, n, n,
                       len(cd), cd_off) +
           struct.pack('<IIQI', 0x07064b50, 0, z64_off, 1) +
           struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, n, n, len(cd), cd_off,
                       0))
    open(path, 'wb').write(data[:cd_off] + cd + end)


def entries_65535(path):
    """The workbook's six parts and empty entries up to 65,535 in all."""
    parts = small_parts()
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_STORED) as z:
        for name, text in parts:
            z.writestr(name, text)
        for i in range(65535 - len(parts)):
            z.writestr('e/%x' % i, '')


def merged_rows(path, n):
    strs = ['Ref', 'Action', 'Lead', 'Apr', 'May', 'Jun', 'Comment',
            'Do the thing', 'J Smith', 'update']
    sst = ''.join('<si><t>%s</t></si>' % t for t in strs)
    head = ''.join('<c r="%s1" t="s"><v>%d</v></c>' % (c, i)
                   for i, c in enumerate('ABCDEFG'))
    rows = ['<row r="1">%s</row>' % head]
    for r in range(2, n + 2):
        rows.append('<row r="%d"><c r="B%d" t="s"><v>7</v></c>'
                    '<c r="C%d" t="s"><v>8</v></c>'
                    '<c r="G%d" t="s"><v>9</v></c></row>' % (r, r, r, r))
    merges = ''.join('<mergeCell ref="G%d:H%d"/>' % (r, r)
                     for r in range(2, n + 2))
    xml = ('<?xml version="1.0" encoding="UTF-8"?><worksheet %s><sheetData>'
           '%s</sheetData><mergeCells count="%d">%s</mergeCells></worksheet>'
           % (NS, ''.join(rows), n, merges))
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('_rels/.rels', RELS)
        z.writestr('xl/workbook.xml', WB)
        z.writestr('xl/_rels/workbook.xml.rels', WB_RELS)
        z.writestr('xl/sharedStrings.xml', '<sst %s>%s</sst>' % (NS, sst))
        z.writestr('xl/worksheets/sheet1.xml', xml)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, 'rich-256-runs.xlsx'), rich(256),
          '<c r="A1" t="s"><v>0</v></c>')
    write(os.path.join(out, 'bad-char-xffff.xlsx'),
          '<si><t>a_xFFFF_b_xFFFE_c_x0001_d</t></si>',
          '<c r="A1" t="s"><v>0</v></c>'
          '<c r="B1" t="inlineStr"><is><t>x_xFFFF_y</t></is></c>')
    dup_names(os.path.join(out, 'dup-sheet-names.xlsx'), 2000)
    shared_formula(os.path.join(out, 'shared-formula-30k.xlsx'), 30000)
    same_part(os.path.join(out, 'same-part-64.xlsx'), 64, 100000)
    same_part(os.path.join(out, 'same-part-4096.xlsx'), 4096, 100000)
    wide_dimension(os.path.join(out, 'wide-dimension.xlsx'))
    zip64_directory(os.path.join(out, 'zip64-directory.xlsx'))
    entries_65535(os.path.join(out, 'entries-65535.xlsx'))
    merged_rows(os.path.join(out, 'merged-rows-80k.xlsx'), 80000)


if __name__ == '__main__':
    main()
