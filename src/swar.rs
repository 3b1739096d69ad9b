//! Eight bytes at a time in one `u64` (SWAR: SIMD within a register): the few constants and
//! tests the text stage, the entity patterns' triggers, the word-class table and the JSON writer
//! share, so that each of them tests a word of bytes instead of a loop over them.

/// The byte 0x01 in every lane: `ONES * b` is the byte `b` in every lane.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every lane.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// The eight bytes at `i` (which has eight bytes after it), little-endian: the first in the
/// lowest lane.
#[inline]
pub(crate) fn word_at(bytes: &[u8], i: usize) -> u64 {
    u64::from_le_bytes(bytes[i..i + 8].try_into().unwrap_or_default())
}

/// The high bit of each byte of `x` that is zero: exact for the lowest such byte (a borrow may
/// flag a byte above it), and non-zero exactly when some byte is zero.
#[inline]
pub(crate) fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(ONES) & !x & HIGH
}
