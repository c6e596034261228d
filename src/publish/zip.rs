//! A story folder as one `.zip`, for the editor's download: the files
//! stored as they are (PNG is compressed already, and the pages are a few
//! kilobytes gzipped on the wire), with a fixed date, so that the same
//! folder always gives the same archive.
//!
//! Written here rather than with the `zip` crate: storing is the whole job
//! (a local header, the bytes, a central directory), and the crate's
//! compression and reading code would all land in the editor's wasm.

use super::StoryFile;

/// 1980-01-01 00:00, the earliest date a zip can hold: a fixed date keeps
/// the archive the same from one download to the next.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;
/// Version 2.0: the oldest that readers expect for plain stored files.
const VERSION: u16 = 20;
/// Bit 11: names are UTF-8.
const UTF8_NAMES: u16 = 1 << 11;

/// The `.zip` of `files`, each under `folder/` (so it unpacks into one
/// folder, named after the story).
pub fn zip_folder(folder: &str, files: &[StoryFile]) -> Vec<u8> {
    let mut archive = Vec::new();
    let mut directory = Vec::new();
    for file in files {
        let name = format!("{folder}/{}", file.name);
        let crc = crc32fast::hash(&file.bytes);
        let size = u32::try_from(file.bytes.len()).unwrap_or(u32::MAX);
        let offset = u32::try_from(archive.len()).unwrap_or(u32::MAX);
        let name_length = u16::try_from(name.len()).unwrap_or(u16::MAX);

        // Local file header.
        put32(&mut archive, 0x0403_4b50);
        put16(&mut archive, VERSION);
        put16(&mut archive, UTF8_NAMES);
        put16(&mut archive, 0); // stored
        put16(&mut archive, DOS_TIME);
        put16(&mut archive, DOS_DATE);
        put32(&mut archive, crc);
        put32(&mut archive, size);
        put32(&mut archive, size);
        put16(&mut archive, name_length);
        put16(&mut archive, 0); // no extra field
        archive.extend_from_slice(name.as_bytes());
        archive.extend_from_slice(&file.bytes);

        // Its central directory entry.
        put32(&mut directory, 0x0201_4b50);
        // Made by Unix (3), so that readers take the attributes below as a
        // file mode.
        put16(&mut directory, (3 << 8) | VERSION);
        put16(&mut directory, VERSION);
        put16(&mut directory, UTF8_NAMES);
        put16(&mut directory, 0);
        put16(&mut directory, DOS_TIME);
        put16(&mut directory, DOS_DATE);
        put32(&mut directory, crc);
        put32(&mut directory, size);
        put32(&mut directory, size);
        put16(&mut directory, name_length);
        put16(&mut directory, 0); // extra field
        put16(&mut directory, 0); // comment
        put16(&mut directory, 0); // disk
        put16(&mut directory, 0); // internal attributes
        put32(&mut directory, 0o100_644 << 16); // a regular file, rw-r--r--
        put32(&mut directory, offset);
        directory.extend_from_slice(name.as_bytes());
    }
    let directory_offset = u32::try_from(archive.len()).unwrap_or(u32::MAX);
    let entries = u16::try_from(files.len()).unwrap_or(u16::MAX);
    let directory_size = u32::try_from(directory.len()).unwrap_or(u32::MAX);
    archive.extend_from_slice(&directory);
    // End of central directory.
    put32(&mut archive, 0x0605_4b50);
    put16(&mut archive, 0);
    put16(&mut archive, 0);
    put16(&mut archive, entries);
    put16(&mut archive, entries);
    put32(&mut archive, directory_size);
    put32(&mut archive, directory_offset);
    put16(&mut archive, 0); // no comment
    archive
}

fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}
