//! What the process keeps resident that it does not use: the pages of its own code that start-up
//! mapped (migrations, settings, the sample data's loading) and that serving never runs again.

/// Tell the kernel that the pages of this program's own code mapped so far may go
/// (`MADV_PAGEOUT` on the executable's read-only mappings that hold nothing but the file's
/// bytes): they are clean file pages, so nothing is lost, and those that serving runs are mapped
/// again on first use. Start-up maps far more code than serving runs: the block device's
/// read-ahead brings whole megabytes of the binary in at a time, and after `serve` started on this
/// machine 18–20 MiB of the binary was resident where the read benchmarks need 4–14
/// (docs/BENCHMARKS.md). `MADV_RANDOM` first, so a page mapped again is read alone rather than
/// with megabytes of read-ahead around it. Returns how many mappings were advised; 0 where the
/// kernel or the platform does not allow it (nothing changes then).
pub fn release_start_up_code() -> usize {
    #[cfg(target_os = "linux")]
    {
        let Ok(exe) = std::fs::read_link("/proc/self/exe") else {
            return 0;
        };
        let Ok(smaps) = std::fs::read_to_string("/proc/self/smaps") else {
            return 0;
        };
        let mut advised = 0;
        for (start, end) in code_mappings(&smaps, &exe.to_string_lossy()) {
            // SAFETY: the range is one of this process's own mappings, as the kernel listed it:
            // private, not writable, and holding no page of its own (`Anonymous: 0 kB`), so every
            // page is the file's. Both calls are advice that changes no contents.
            let r = unsafe {
                let at = start as *mut libc::c_void;
                libc::madvise(at, end - start, libc::MADV_RANDOM);
                libc::madvise(at, end - start, libc::MADV_PAGEOUT)
            };
            if r == 0 {
                advised += 1;
            }
        }
        advised
    }
    #[cfg(not(target_os = "linux"))]
    {
        0
    }
}

/// The address ranges of `exe`'s mappings, from `/proc/self/smaps`, that are not writable and
/// hold no anonymous (copied) page. A mapping's header line is its address range, permissions,
/// offset, device, inode and path; its `Anonymous:` line follows.
fn code_mappings(smaps: &str, exe: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // (the range of the mapping being read, if it is one of exe's read-only ones)
    let mut current: Option<(usize, usize)> = None;
    for l in smaps.lines() {
        let mut f = l.split_whitespace();
        let Some(first) = f.next() else { continue };
        if let Some((a, b)) = first.split_once('-')
            && let (Ok(a), Ok(b)) = (usize::from_str_radix(a, 16), usize::from_str_radix(b, 16))
        {
            let perms = f.next().unwrap_or("w");
            let path = f.skip(3).collect::<Vec<_>>().join(" ");
            current =
                (path == exe && !perms.contains('w') && perms.contains('p')).then_some((a, b));
        } else if first == "Anonymous:"
            && let Some(range) = current.take()
            && f.next() == Some("0")
        {
            out.push(range);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_programs_unwritten_read_only_mappings_are_advised() {
        let smaps = "\
55d0a0000000-55d0a0100000 r--p 00000000 fd:01 42   /usr/bin/solar intel
Rss:                 400 kB
Anonymous:             0 kB
55d0a0100000-55d0a0900000 r-xp 00100000 fd:01 42   /usr/bin/solar intel
Rss:                8000 kB
Anonymous:             0 kB
55d0a0900000-55d0a0910000 r--p 00900000 fd:01 42   /usr/bin/solar intel
Rss:                  64 kB
Anonymous:            64 kB
55d0a0910000-55d0a0920000 rw-p 00910000 fd:01 42   /usr/bin/solar intel
Anonymous:            16 kB
7f0000000000-7f0000100000 r-xp 00000000 fd:01 7    /usr/lib/libc.so.6
Anonymous:             0 kB
7f0000200000-7f0000300000 rw-p 00000000 00:00 0
Anonymous:            32 kB
";
        // (the relocated r--p mapping has pages of its own: left alone)
        assert_eq!(
            code_mappings(smaps, "/usr/bin/solar intel"),
            [
                (0x55d0a0000000, 0x55d0a0100000),
                (0x55d0a0100000, 0x55d0a0900000)
            ]
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_kernel_takes_the_advice_and_the_code_still_runs() {
        // What it saves is measured by the benchmark (docs/BENCHMARKS.md), not here: the kernel
        // keeps pages that other processes map too, and the test runner runs this binary many
        // times at once.
        let advised = release_start_up_code();
        assert!(advised >= 1, "no mapping of the test program was advised");
        // Every read-only mapping of the program was advised (and this code, let go, still runs).
        let smaps = std::fs::read_to_string("/proc/self/smaps").unwrap();
        let exe = std::fs::read_link("/proc/self/exe").unwrap();
        assert_eq!(code_mappings(&smaps, &exe.to_string_lossy()).len(), advised);
    }
}
