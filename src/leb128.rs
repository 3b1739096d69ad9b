//! LEB128, the integers of the binary forms `build.rs` writes (the gazetteers, the rule files):
//! seven bits a byte, the lowest first, the high bit set on every byte but the last.

/// The integer at `bytes[*at..]`, with `*at` moved past it; what is wrong, if it is not one.
pub(crate) fn read(bytes: &[u8], at: &mut usize) -> Result<usize, &'static str> {
    let mut n: u64 = 0;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at).ok_or("truncated")?;
        *at += 1;
        n |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return usize::try_from(n).map_err(|_| "integer too large");
        }
    }
    Err("integer too long")
}

#[cfg(test)]
mod tests {
    use super::read;

    #[test]
    fn reads_what_seven_bits_a_byte_make() {
        let bytes = [0x05, 0xE5, 0x8E, 0x26, 0x80];
        let mut at = 0;
        assert_eq!(read(&bytes, &mut at), Ok(5));
        assert_eq!(read(&bytes, &mut at), Ok(624_485));
        assert_eq!(at, 4);
        assert_eq!(read(&bytes, &mut at), Err("truncated"));
        let mut at = 0;
        assert_eq!(read(&[0xFF; 10], &mut at), Err("integer too long"));
    }
}
