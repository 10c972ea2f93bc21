//! Flate compression for every stream a document writes: images, forms, fonts and page content.
//! Kept apart from the drawing surface so that images can be compressed without depending on it.

/// Flate-compresses every stream not compressed yet (fonts, page content). printpdf compresses at
/// the slowest level, which is most of a certificate's time for a few percent of its size; the
/// default level keeps the files small and a thousand certificates fast.
pub fn compress_streams(doc: &mut lopdf::Document) {
    for object in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let compressed = deflate(&stream.content);
        if compressed.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
}

/// Flate at the level documents use.
pub fn deflate(data: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut encoder =
        flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(COMPRESSION));
    encoder
        .write_all(data)
        .expect("writing to memory cannot fail");
    encoder.finish().expect("writing to memory cannot fail")
}

const COMPRESSION: u32 = 6;
