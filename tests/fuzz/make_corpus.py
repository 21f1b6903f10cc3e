#!/usr/bin/env python3
"""Writes the fuzz seeds (tests/fuzz/corpus/<target>/) and the hand-made regression files
(tests/fuzz/regression/<target>/), with the minimised crashers the fuzzers found (named crash-*).
Run from anywhere: python3 tests/fuzz/make_corpus.py

Every regression file must be refused with a message, except the ones named ok-*, which must load;
tst_fuzz_replay checks both. The files are kept to a few KB (the gzip bomb is 17 KB).
"""
import gzip
import json
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def write(kind, target, name, data):
    folder = os.path.join(HERE, kind, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def seed(target, name, data):
    write("corpus", target, name, data)


def regression(target, name, data):
    write("regression", target, name, data)


def gz(data, level=6, mtime=0):
    return gzip.compress(data, compresslevel=level, mtime=mtime)


# ---- config ------------------------------------------------------------------------------------
seed("config", "docs-example.json", json.dumps({
    "dataset": "gaussian:1000:500:10", "depth": 10, "width": 500, "activation": "tanh", "init": "normal",
    "init_std": 0.01, "lr": 0.01, "batch_size": 100, "steps": 100}, indent=2))
seed("config", "maxout-batchnorm.json", json.dumps({
    "dataset": "spiral", "depth": 3, "width": [8, 6, 4], "activation": "maxout", "maxout_pieces": 3,
    "batchnorm": True, "bn_inference": "population", "optimizer": "adam", "lr": 0.001, "seed": 18446744073709551615,
    "split": 1, "standardize": True}, indent=2))
seed("config", "empty-object.json", "{}")
seed("config", "csv-dataset.json", '{"dataset": "csv:data.csv", "dropout": 0.5, "loss": "mse", "bins": 10}')

nested_array = "[" * 100000 + "]" * 100000
regression("config", "empty.json", "")
regression("config", "whitespace.json", " \n\t ")
regression("config", "nested-100000-arrays.json", nested_array)
regression("config", "nested-10000-objects.json", '{"a":' * 10000 + "1" + "}" * 10000)
regression("config", "nested-unclosed.json", "[" * 100000)
regression("config", "top-level-array.json", "[1, 2]")
regression("config", "top-level-number.json", "3")
regression("config", "unknown-key.json", '{"depht": 3}')
regression("config", "depth-string.json", '{"depth": "ten"}')
regression("config", "depth-negative.json", '{"depth": -3}')
regression("config", "depth-huge.json", '{"depth": 1e300}')
regression("config", "depth-fraction.json", '{"depth": 2.5}')
regression("config", "width-list-wrong-type.json", '{"depth": 2, "width": [4, "a"]}')
regression("config", "width-list-wrong-length.json", '{"depth": 3, "width": [4, 4]}')
regression("config", "width-empty-list.json", '{"width": []}')
regression("config", "width-zero.json", '{"width": 0}')
regression("config", "steps-negative.json", '{"steps": -5}')
regression("config", "batch-size-zero.json", '{"batch_size": 0}')
regression("config", "lr-overflow.json", '{"lr": 1e999}')
regression("config", "lr-nan-literal.json", '{"lr": NaN}')
regression("config", "lr-infinity-literal.json", '{"lr": Infinity}')
regression("config", "seed-negative.json", '{"seed": -1}')
regression("config", "seed-above-uint64.json", '{"seed": 18446744073709551616}')
regression("config", "samples-int64-min.json", '{"samples": -9223372036854775808}')
regression("config", "activation-unknown.json", '{"activation": "swish"}')
regression("config", "dataset-empty.json", '{"dataset": ""}')
# The config reader keeps a dataset spec as text; makeDataset refuses a malformed one when it builds the data.
regression("config", "ok-dataset-gaussian-huge.json", '{"dataset": "gaussian:99999999999999999999:5:2"}')
regression("config", "memory-over-limit.json",
           '{"dataset": "gaussian:1000000:100000:10", "depth": 50, "width": 2048}')
regression("config", "truncated.json", '{"depth": 3, "width"')
regression("config", "trailing-garbage.json", '{"depth": 3} x')
# json::parse does not validate UTF-8 inside strings (documented for serialize); the spec is then unknown.
regression("config", "ok-invalid-utf8.json", b'{"dataset": "spi\xff\xferal"}')
regression("config", "lone-surrogate.json", '{"dataset": "\\ud800"}')
regression("config", "nul-byte.json", b'{"depth": 3\x00}')
regression("config", "control-char-in-string.json", b'{"dataset": "a\x01b"}')
regression("config", "byte-order-mark.json", b'\xef\xbb\xbf{"depth": 3}')
regression("config", "duplicate-key.json", '{"depth": 3, "depth": 4}')
# fuzz_config: an unknown key starting with NUL left what() empty (configFromJson's unknown-key message).
regression("config", "crash-unknown-key-nul.json", '{"\\u0000":true}')

# ---- model -------------------------------------------------------------------------------------
def dense(out, inp, scale=0.1):
    return {"type": "dense", "in": inp, "out": out,
            "weight": [[scale * (r - c) for c in range(inp)] for r in range(out)],
            "bias": [0.01 * r for r in range(out)]}


def activation(kind="tanh", parameter=0.0):
    return {"type": "activation", "kind": kind, "parameter": parameter}


def dropout(rate=0.0):
    return {"type": "dropout", "rate": rate}


def model(config, layers, inputs=2, classes=2):
    return {"format": "layerlens-model", "version": 1, "config": config, "inputs": inputs, "classes": classes,
            "layers": layers}


tanh_model = model({"dataset": "spiral", "depth": 1, "width": 3},
                   [dense(3, 2), activation(), dropout(), dense(2, 3)])
maxout_bn_model = model(
    {"dataset": "spiral", "depth": 1, "width": 2, "activation": "maxout", "maxout_pieces": 2, "batchnorm": True},
    [dense(4, 2),
     {"type": "batchnorm", "features": 4, "gamma": [1, 1, 1, 1], "beta": [0, 0, 0, 0],
      "running_mean": [0, 0.5, 0, 0], "running_var": [1, 1, 2, 1], "momentum": 0.1, "eps": 1e-5,
      "inference": "ema"},
     {"type": "maxout", "units": 2, "pieces": 2}, dropout(), dense(2, 2)])
seed("model", "tanh-1x3.json", json.dumps(tanh_model, indent=2))
seed("model", "maxout-batchnorm.json", json.dumps(maxout_bn_model, indent=2))


def broken(base, change):
    doc = json.loads(json.dumps(base))
    change(doc)
    return json.dumps(doc)


regression("model", "empty.json", "")
regression("model", "nested-10000-arrays.json", "[" * 10000 + "]" * 10000)
regression("model", "top-level-array.json", "[]")
regression("model", "format-missing.json", broken(tanh_model, lambda d: d.pop("format")))
regression("model", "format-wrong.json", broken(tanh_model, lambda d: d.update(format="layerlens-stats")))
regression("model", "version-2.json", broken(tanh_model, lambda d: d.update(version=2)))
regression("model", "version-fraction.json", broken(tanh_model, lambda d: d.update(version=1.5)))
regression("model", "config-not-object.json", broken(tanh_model, lambda d: d.update(config=[])))
regression("model", "config-bad-key.json", broken(tanh_model, lambda d: d["config"].update(depth=0)))
regression("model", "layers-empty.json", broken(tanh_model, lambda d: d.update(layers=[])))
regression("model", "layers-not-list.json", broken(tanh_model, lambda d: d.update(layers={"a": 1})))
regression("model", "layer-not-object.json", broken(tanh_model, lambda d: d["layers"].insert(0, 3)))
regression("model", "layer-type-number.json", broken(tanh_model, lambda d: d["layers"][0].update(type=1)))
regression("model", "layer-type-unknown.json", broken(tanh_model, lambda d: d["layers"][0].update(type="conv")))
regression("model", "weight-rows-short.json", broken(tanh_model, lambda d: d["layers"][0]["weight"].pop()))
regression("model", "weight-row-long.json", broken(tanh_model, lambda d: d["layers"][0]["weight"][0].append(1)))
regression("model", "weight-string.json", broken(tanh_model, lambda d: d["layers"][0]["weight"][0].__setitem__(0, "1")))
regression("model", "weight-float-overflow.json",
           broken(tanh_model, lambda d: d["layers"][0]["weight"][0].__setitem__(0, 1e39)))
regression("model", "bias-missing.json", broken(tanh_model, lambda d: d["layers"][3].pop("bias")))
regression("model", "layers-ending-early.json", broken(tanh_model, lambda d: d["layers"].pop()))
regression("model", "layers-extra.json", broken(tanh_model, lambda d: d["layers"].append(dropout())))
regression("model", "layers-out-of-order.json",
           broken(tanh_model, lambda d: d["layers"].__setitem__(slice(1, 3), [dropout(), activation()])))
regression("model", "running-var-negative.json",
           broken(maxout_bn_model, lambda d: d["layers"][1]["running_var"].__setitem__(2, -1)))
regression("model", "batchnorm-missing.json", broken(maxout_bn_model, lambda d: d["layers"].pop(1)))
regression("model", "weight-nan-literal.json", json.dumps(tanh_model).replace("-0.1", "NaN", 1))

# ---- csv ---------------------------------------------------------------------------------------
seed("csv", "header.csv", "x,y,label\n0.5,-1.25,0\n1e-3,+2,1\n3,4,2\n")
seed("csv", "bom-crlf-spaces.csv", b"\xef\xbb\xbf a , b , c \r\n 1 , 2 , 0 \r\n\r\n 3.5, -4e2 ,1\r\n")
seed("csv", "no-header.csv", "0,0,0\n0,1,1\n1,0,1\n1,1,0")
seed("csv", "quoted-header.csv", '"petal length","petal width","species"\n1.4,0.2,0\n4.7,1.4,1\n')

regression("csv", "empty.csv", "")
regression("csv", "blank-lines.csv", "\n\r\n  \n\t\n")
regression("csv", "bom-only.csv", b"\xef\xbb\xbf")
regression("csv", "header-only.csv", "a,b,label\n")
regression("csv", "one-column.csv", "1\n2\n")
regression("csv", "nan-cell.csv", "1,2,0\nnan,2,1\n")
regression("csv", "nan-first-line.csv", "NaN,2,0\n")
regression("csv", "inf-cell.csv", "1,2,0\n1,inf,1\n")
regression("csv", "minus-infinity-cell.csv", "1,2,0\n1,-Infinity,1\n")
regression("csv", "float-overflow-cell.csv", "1,2,0\n1,1e39,1\n")
regression("csv", "double-overflow-cell.csv", "1,2,0\n1,1e400,1\n")
regression("csv", "hex-cell.csv", "1,2,0\n0x10,2,1\n")
regression("csv", "empty-cell.csv", "1,2,0\n,2,1\n")
regression("csv", "label-negative.csv", "1,2,-1\n")
regression("csv", "label-fraction.csv", "1,2,1.5\n")
regression("csv", "label-above-maximum.csv", "1,2,65536\n")
regression("csv", "label-above-int.csv", "1,2,99999999999999999999\n")
regression("csv", "label-plus-sign.csv", "1,2,+1\n")
regression("csv", "ragged-row.csv", "a,b,label\n1,2,0\n1,2,3,0\n")
regression("csv", "short-row.csv", "1,2,0\n1,0\n")
regression("csv", "nul-byte.csv", b"1,2,0\n1,\x002,1\n")
regression("csv", "text-cell.csv", "a,b,label\n1,two,0\n")
regression("csv", "quoted-number.csv", 'a,b,label\n"1",2,0\n')
regression("csv", "many-columns-no-rows.csv", ",".join(["c"] * 2000) + "\n")

# ---- idx ---------------------------------------------------------------------------------------
def idx_images(count, rows, cols, pixels=None):
    if pixels is None:
        pixels = bytes((i * 37) % 256 for i in range(count * rows * cols))
    return struct.pack(">IIII", 0x803, count, rows, cols) + pixels


def idx_labels(count, labels=None):
    if labels is None:
        labels = bytes(i % 3 for i in range(count))
    return struct.pack(">II", 0x801, count) + labels


def idx_input(images, labels):
    """The fuzz target's input: big-endian length of the images part, the images, then the labels."""
    return struct.pack(">I", len(images)) + images + labels


images3, labels3 = idx_images(3, 2, 2), idx_labels(3)
seed("idx", "plain-3x2x2.bin", idx_input(images3, labels3))
seed("idx", "gzip-3x2x2.bin", idx_input(gz(images3), gz(labels3)))
seed("idx", "gzip-images-plain-labels.bin", idx_input(gz(images3, 9), labels3))
seed("idx", "stored-gzip-4x3x1.bin", idx_input(gz(idx_images(4, 3, 1), 0), idx_labels(4)))

regression("idx", "empty.bin", "")
regression("idx", "split-only.bin", struct.pack(">I", 0))
regression("idx", "images-claim-1e9.bin", idx_input(idx_images(10**9, 28, 28, b"\0" * 64), labels3))
regression("idx", "images-claim-overflow.bin",
           idx_input(idx_images(0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, b"\0" * 16), labels3))
regression("idx", "labels-claim-1e9.bin", idx_input(images3, idx_labels(10**9, b"\0\1\2")))
regression("idx", "images-count-zero.bin", idx_input(idx_images(0, 2, 2, b""), idx_labels(0, b"")))
regression("idx", "images-rows-zero.bin", idx_input(idx_images(3, 0, 2, b""), labels3))
regression("idx", "images-wrong-magic.bin", idx_input(b"\0\0\x0d\x03" + images3[4:], labels3))
regression("idx", "files-swapped.bin", idx_input(labels3, images3))
regression("idx", "count-mismatch.bin", idx_input(images3, idx_labels(2)))
regression("idx", "images-trailing-bytes.bin", idx_input(images3 + b"\0", labels3))
regression("idx", "labels-truncated.bin", idx_input(images3, labels3[:-1]))
regression("idx", "images-header-truncated.bin", idx_input(images3[:10], labels3))
regression("idx", "images-gzip-truncated.bin", idx_input(gz(images3)[:-6], labels3))
regression("idx", "labels-gzip-bad-crc.bin",
           idx_input(images3, gz(labels3)[:-8] + b"\0\0\0\0" + gz(labels3)[-4:]))
# A gzip whose ISIZE trailer claims 4 GiB - 1 around a tiny lying IDX header: the claim is only a hint.
bomb_claim = gz(idx_images(10**9, 28, 28, b""))[:-4] + struct.pack("<I", 0xFFFFFFFF)
regression("idx", "gzip-isize-claims-4gib.bin", idx_input(bomb_claim, labels3))
regression("idx", "gzip-lying-header-1e9.bin", idx_input(gz(idx_images(10**9, 28, 28, b"\0" * 100)), labels3))

# ---- gzip --------------------------------------------------------------------------------------
text = b"LayerLens sees deep-network training problems while they happen.\n" * 20
seed("gzip", "text-default.gz", gz(text))
seed("gzip", "text-stored.gz", gz(text[:300], 0))
seed("gzip", "two-members.gz", gz(text[:100], 1) + gz(text[100:400], 9))
seed("gzip", "empty-content.gz", gz(b""))
# FNAME, FCOMMENT, FHCRC and FEXTRA set, as tests/core/data/gzip-text-headers.gz has.
header = b"\x1f\x8b\x08" + bytes([0x02 | 0x04 | 0x08 | 0x10]) + b"\0\0\0\0\0\xff"
header += struct.pack("<H", 4) + b"ab\0\0" + b"name.txt\0" + b"a comment\0"
header += struct.pack("<H", zlib.crc32(header) & 0xFFFF)
raw = zlib.compressobj(6, zlib.DEFLATED, -15)
body = raw.compress(text[:200]) + raw.flush()
seed("gzip", "all-header-fields.gz", header + body + struct.pack("<II", zlib.crc32(text[:200]), 200))

good = gz(text)
regression("gzip", "empty.gz", "")
regression("gzip", "magic-only.gz", b"\x1f\x8b")
regression("gzip", "bad-magic.gz", b"\x1f\x8c" + good[2:])
regression("gzip", "method-not-deflate.gz", good[:2] + b"\x07" + good[3:])
regression("gzip", "reserved-flags.gz", good[:3] + b"\xe0" + good[4:])
regression("gzip", "header-truncated.gz", good[:7])
regression("gzip", "deflate-truncated.gz", good[:len(good) // 2])
regression("gzip", "trailer-truncated.gz", good[:-3])
regression("gzip", "bad-crc.gz", good[:-8] + bytes(b ^ 0xFF for b in good[-8:-4]) + good[-4:])
regression("gzip", "isize-mismatch.gz", good[:-4] + struct.pack("<I", len(text) + 1))
regression("gzip", "isize-claims-4gib.gz", good[:-4] + struct.pack("<I", 0xFFFFFFFF))
regression("gzip", "trailing-garbage.gz", good + b"garbage")
regression("gzip", "block-type-3.gz", good[:10] + b"\x07" + b"\0" * 16)
regression("gzip", "stored-length-mismatch.gz", good[:10] + b"\x01\x05\x00\x05\x00hello" + b"\0" * 8)
# Fixed-Huffman block whose first symbol is a match of distance 1 with nothing written yet.
regression("gzip", "distance-too-far.gz", good[:10] + b"\x03\x02\x00" + b"\0" * 8)
regression("gzip", "fhcrc-mismatch.gz", header[:-2] + b"\0\0" + body + struct.pack("<II", zlib.crc32(text[:200]), 200))
regression("gzip", "fname-unterminated.gz", b"\x1f\x8b\x08\x08\0\0\0\0\0\xff" + b"x" * 100)
# 17 MiB of zeros in 17 KB: over the fuzz target's 16 MiB limit, refused as it grows.
regression("gzip", "bomb-17mib.gz", gz(b"\0" * (17 << 20), 9))

# ---- preset ------------------------------------------------------------------------------------
lesson = {
    "order": 3, "title": "A lesson", "question": "What happens?", "explanation": "This happens.",
    "expects": ["dead_units"], "test_steps": 50,
    "config": {"dataset": "spiral", "depth": 4, "width": 8, "activation": "relu", "steps": 200},
    "compare": {"title": "Tanh", "config": {"activation": "tanh"}, "expects": []},
}
seed("preset", "lesson-with-compare.json", json.dumps(lesson, indent=2))
seed("preset", "lesson-minimal.json", json.dumps(
    {"order": 1, "title": "t", "question": "q", "explanation": "e", "expects": [], "config": {}}))
with open(os.path.join(HERE, "..", "..", "resources", "presets", "maxout.json"), "rb") as f:
    seed("preset", "maxout.json", f.read())


def lesson_with(change):
    return broken(lesson, change)


regression("preset", "empty.json", "")
regression("preset", "nested-10000-objects.json", "{\"a\":" * 10000 + "1" + "}" * 10000)
regression("preset", "top-level-array.json", "[]")
regression("preset", "order-missing.json", lesson_with(lambda d: d.pop("order")))
regression("preset", "order-zero.json", lesson_with(lambda d: d.update(order=0)))
regression("preset", "order-huge.json", lesson_with(lambda d: d.update(order=10**20)))
regression("preset", "order-string.json", lesson_with(lambda d: d.update(order="1")))
regression("preset", "title-empty.json", lesson_with(lambda d: d.update(title="")))
regression("preset", "question-number.json", lesson_with(lambda d: d.update(question=3)))
regression("preset", "unknown-key.json", lesson_with(lambda d: d.update(hint="x")))
regression("preset", "unknown-key-nul.json", lesson_with(lambda d: d.update({"\0hint": "x"})))
regression("preset", "config-unknown-key-nul.json", lesson_with(lambda d: d["config"].update({"\0": 1})))
regression("preset", "expects-unknown.json", lesson_with(lambda d: d.update(expects=["sadness"])))
regression("preset", "expects-not-list.json", lesson_with(lambda d: d.update(expects="dead_units")))
regression("preset", "expects-number.json", lesson_with(lambda d: d.update(expects=[1])))
regression("preset", "test-steps-zero.json", lesson_with(lambda d: d.update(test_steps=0)))
regression("preset", "config-missing.json", lesson_with(lambda d: d.pop("config")))
regression("preset", "config-array.json", lesson_with(lambda d: d.update(config=[])))
regression("preset", "config-bad-value.json", lesson_with(lambda d: d["config"].update(depth=0)))
regression("preset", "compare-not-object.json", lesson_with(lambda d: d.update(compare=[])))
regression("preset", "compare-config-empty.json", lesson_with(lambda d: d["compare"].update(config={})))
regression("preset", "compare-config-bad.json", lesson_with(lambda d: d["compare"]["config"].update(width=-1)))
regression("preset", "compare-unknown-key.json", lesson_with(lambda d: d["compare"].update(steps=3)))
regression("preset", "compare-title-missing.json", lesson_with(lambda d: d["compare"].pop("title")))
regression("preset", "memory-over-limit.json", lesson_with(lambda d: d["config"].update(
    dataset="gaussian:1000000:100000:10", depth=50, width=2048)))
