#!/usr/bin/env python3
"""Writes the seed corpus of the JicengFuzz target into Fuzz/corpus/ (see Fuzz/README.md).

Each seed is one small CSV file that the target reads both as a `requests` file and as a `units`
file: valid rows from the data contract, the encodings and line endings it allows, and the
damaged inputs real exports produce. Run it again after changing it; libFuzzer adds its own
inputs to the corpus folder next to these (named by their SHA-1).
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus")

REQ_ZH = "诉求编号,受理时间,渠道,社区,街道,办理状态,办结时间,满意度"
REQ_EN = "request_id,received_at,channel,unit_id,grid_id,community,street,category,status,closed_at,satisfaction"
UNITS_ZH = "单位编码,名称,层级,上级编码,别名"

REQ_ROWS = [
    "R1,2022/4/1,12345热线,栗田湖社区,,已办结,2022-04-05,满意",
    "R2,2022年4月2日,网络,新建社区,笔架山街道,正在跟踪办理,,",
    "R3,20220403,走访,金银社区,,已做好解释,2022.4.30 10:00,不满意",
    "R4,2022-03-31,热线,金银社区,,已办结,2022-04-01,",
    "R5,2022-04-10,热线,新建社区,,已办结,2022-04-11,",
]
UNIT_ROWS = [
    "C,石首市,市,,", "D,石首城区,区,C,", "S1,绣林街道,街道,D,绣林", "S2,笔架山街道,街道,D,",
    "K1,栗田湖社区,社区,S1,栗田湖", "K2,金银社区,社区,S2,", "G1,一网格,网格,K1,",
]

seeds = {}


def text(name, s, encoding="utf-8"):
    seeds[name] = s.encode(encoding)


def raw(name, b):
    seeds[name] = b


def lines(header, rows, eol="\n"):
    return eol.join([header] + rows) + eol


# Valid files, in the encodings and line endings of contract §2.
text("req-valid-zh.csv", lines(REQ_ZH, REQ_ROWS))
text("req-valid-en.csv", lines(REQ_EN, [
    "Q1,2022-04-01,hotline,K1,,,,路灯,resolved,2022-04-03,satisfied",
    "Q2,2022-05-01,online,,G1,,,,in_progress,,",
    "Q3,2022-06-30 23:59,visit,,,新建社区,绣林街道,,explained,2022-07-01,basically_satisfied",
    "Q4,2022-04-02,letter,K2,,,,,open,,",
]))
raw("req-bom-crlf.csv", b"\xef\xbb\xbf" + lines(REQ_ZH, REQ_ROWS, "\r\n").encode())
raw("req-gb18030.csv", lines(REQ_ZH, REQ_ROWS, "\r\n").encode("gb18030"))
raw("req-gb18030-cut.csv", lines(REQ_ZH, REQ_ROWS[:2]).encode("gb18030")[:-3])
raw("req-gb18030-4byte.csv", lines(REQ_ZH, ["R9,2022-04-01,热线,栗田湖社区😀,,已办结,2022-04-02,满意"]).encode("gb18030"))
raw("req-gb18030-bom.csv", b"\x84\x31\x95\x33" + lines(REQ_ZH, REQ_ROWS[:2]).encode("gb18030"))
text("units-valid.csv", lines(UNITS_ZH, UNIT_ROWS))
raw("units-gb18030-crlf.csv", lines(UNITS_ZH, UNIT_ROWS, "\r\n").encode("gb18030"))
text("units-broken-hierarchy.csv", lines("unit_id,name,level,parent_id,aliases,type", [
    "C,市,city,,,", "C2,另一个市,city,,,", "S,街道,street,X,,街道", "K,社区,community,K2,,", "K2,社区二,community,K,,",
    "G,网格,grid,C,,", "G,网格重复,grid,C,,", "D,区,district,G,,",
]))
text("units-level-words.csv", lines(UNITS_ZH, ["C,市,市,,", "D,县,县级市,C,", "S,镇,乡镇,D,", "V,村,村,S,", "G,小区,小区,V,"]))

# Line structure.
text("req-quoted-newlines.csv", lines(REQ_ZH, ['"R1\nx",2022-04-01,热线,"栗田湖\r\n社区",,已办结,2022-04-05,"满\r意"'] + REQ_ROWS[1:3]))
text("req-doubled-quotes.csv", lines(REQ_ZH, ['"R""1",2022-04-01,"热,线",金银社区,,已办结,2022-04-05,""']))
text("req-stray-quote.csv", lines(REQ_ZH, [REQ_ROWS[0], 'R7,2022-04-11,热线,"ab"c,,已办结,2022-04-12,', 'R8,x"y,热线', REQ_ROWS[2]]))
text("req-unterminated-quote.csv", lines(REQ_ZH, REQ_ROWS[:2]) + 'R9,2022-04-01,"热线,金银社区\nR10,2022-04-02')
text("req-lone-cr.csv", lines(REQ_ZH, REQ_ROWS, "\r"))
text("req-mixed-eol.csv", REQ_ZH + "\r\n" + REQ_ROWS[0] + "\n" + REQ_ROWS[1] + "\r" + REQ_ROWS[2] + "\r\n\r\n\n" + REQ_ROWS[3])
text("req-blank-lines.csv", "\n\r\n\n" + REQ_ZH + "\n\n" + REQ_ROWS[0] + "\n,,,,,,,\n  , ,\n\n" + REQ_ROWS[1] + "\n")
text("req-no-final-eol.csv", lines(REQ_ZH, REQ_ROWS)[:-1])
text("req-ragged.csv", lines(REQ_ZH, ["R1,2022-04-01", "R2,2022-04-01,热线,金银社区,,已办结,2022-04-02,满意,extra,more", "R3", ",", REQ_ROWS[2]]))
text("req-many-commas.csv", lines(REQ_ZH, ["," * 600, "R1" + "," * 80]))
text("req-header-only.csv", REQ_ZH + "\n")
raw("empty.csv", b"")
raw("bom-only.csv", b"\xef\xbb\xbf")
text("newlines-only.csv", "\n\r\n\r\r\n\n")
raw("bom-quoted-header.csv", b"\xef\xbb\xbf" + lines('"诉求编号","受理时间",渠道,"社区",办理状态', ['R1,2022-04-01,热线,金银社区,办理中']).encode())

# Sizes around the fuzz field limit (64 bytes).
text("req-field-64.csv", lines(REQ_ZH, ["R" + "1" * 63 + ",2022-04-01,热线,金银社区,,办理中,,", "R" + "2" * 64 + ",2022-04-01,热线,金银社区,,办理中,,"]))
text("req-field-quoted-66.csv", lines(REQ_ZH, ['"' + "引" * 22 + '",2022-04-01,热线,金银社区,,办理中,,', REQ_ROWS[1]]))
text("req-huge-field.csv", lines(REQ_ZH, [REQ_ROWS[0], "R2," + "长" * 400 + ",热线,金银社区,,办理中,,", REQ_ROWS[2]]))
text("req-huge-quoted-multiline.csv", lines(REQ_ZH, ['R2,"' + ("很长\n" * 60) + '",热线,金银社区,,办理中,,', REQ_ROWS[2]]))
text("req-huge-header.csv", "诉求编号," + "表" * 100 + "\nR1,x\n")

# Bytes that are not text.
raw("req-nul-bytes.csv", lines(REQ_ZH, ["R1\x00,2022-04-01,热线,金银\x00社区,,已办结,2022-04-02,", "\x00\x00\x00\x00"]).encode())
raw("nul-only.csv", b"\x00" * 200)
raw("req-invalid-utf8-cell.csv", lines(REQ_ZH, REQ_ROWS[:1]).encode() + b"R2,2022-04-01,\xff\xfe,\xc3\x28,,\xe2\x82,," + b"\n")
raw("latin1.csv", "nom,prénom,âge\nÉlodie,Zoë,30\n".encode("latin-1"))
raw("utf16.csv", lines(REQ_ZH, REQ_ROWS[:1]).encode("utf-16"))
raw("req-utf8-cut-at-end.csv", lines(REQ_ZH, REQ_ROWS[:1]).encode() + "R2,2022-04-01,热线,金银社区".encode()[:-2])

# Values: contract §2 conventions and the edges of the parsers.
text("req-values.csv", lines(REQ_EN, [
    "V1,２０２２－０４－０１,HOTLINE,K1,,,,,RESOLVED,2022年4月3日,满意",
    "V2,2022.4.1 14:03:05,12345,,G1,,,,已回应解决,20220402,N/A",
    "V3,2022-02-30,热线,K1,,,,,resolved,,",
    "V4,2022-04-10,热线,K1,,,,,resolved,2022-04-01,",
    "V5,-,—,NULL,na,,,,办理中,,",
    "V6,99999999,热线,K1,,,,,resolved,2022-13-01,",
    "V7,\u30002022-04-01\u00a0,\u3000热线,\ufeffK1,,,,,办理中,,",
]))
text("req-personal-data.csv", lines(REQ_EN, [
    "P1,2022-04-01,hotline,13812345678,,,,来电 13812345678,resolved,2022-04-02,satisfied",
    "P2,2022-04-01,hotline,K1,,,,,420101198001011234,42010119800101123X,",
    'P3,2022-04-01,"1381234567８",K1,,,,,resolved,"13812345678""",',
    "P4,x13812345678y,hotline,K1,,,,,resolved,,",
]))
text("req-headerless-personal.csv", "R1,2022-04-01,热线,13812345678,42010119800101123X,已办结,2022-04-02,满意\nR2,2022-04-02,热线,K1,,已办结,2022-04-03,\n")
text("req-duplicate-unknown-columns.csv", lines("诉求编号,工单号,受理时间,来源,社区,单位编码,状态,备注,备注", ["R1,R1,2022-04-01,热线,金银社区,K1,办理中,a,b"]))
text("req-missing-columns.csv", lines("诉求编号,渠道", ["R1,热线"]))
text("req-provenance-line.csv", lines(REQ_ZH + ",_line", [r + "," + n for r, n in zip(REQ_ROWS, ["9", "1", "0", "-3", "x"])]))
text("req-duplicate-ids.csv", lines(REQ_ZH, [REQ_ROWS[0], REQ_ROWS[0], REQ_ROWS[2].replace("R3", "R1")]))
text("req-out-of-period.csv", lines(REQ_ZH, [r.replace("2022", "2021") for r in REQ_ROWS]))

os.makedirs(OUT, exist_ok=True)
for name, data in sorted(seeds.items()):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
print(f"{len(seeds)} seeds written to {OUT}")
