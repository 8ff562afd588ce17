package pdfdoc

import (
	"encoding/binary"
	"sync"

	"golang.org/x/text/unicode/norm"

	"relance/assets/fonts"
)

// coverage is a bit set of the Basic Multilingual Plane: bit r is set when the font
// has a glyph for rune r.
type coverage [0x10000 / 64]uint64

func (c *coverage) has(r rune) bool {
	return r >= 0 && r < 0x10000 && c[r>>6]&(1<<(uint(r)&63)) != 0
}

func (c *coverage) set(r rune) { c[r>>6] |= 1 << (uint(r) & 63) }

// covered returns the coverage of the three DejaVu styles (regular, bold, oblique),
// read once from the embedded TrueType files' cmap tables.
var covered = sync.OnceValue(func() *[3]coverage {
	var cs [3]coverage
	for i, ttf := range [][]byte{fonts.Regular, fonts.Bold, fonts.Oblique} {
		parseCmap(ttf, &cs[i])
	}
	return &cs
})

// kept returns, for each style, the characters the text filter passes unchanged
// whatever surrounds them: covered by the font, neither control nor invisible format
// character, and left alone by NFC (not combining with the character before, not
// replaced by another); plus "\n".
var kept = sync.OnceValue(func() *[3]coverage {
	ks := *covered()
	for i := range ks {
		for r := rune(0); r < 0x10000; r++ {
			if ks[i].has(r) && (dropped(r) || r == 0x2028 || r == 0x2029 || r == '\t' || !norm.NFC.PropertiesString(string(r)).BoundaryBefore()) {
				ks[i][r>>6] &^= 1 << (uint(r) & 63)
			}
		}
		ks[i].set('\n')
		ks[i].set(' ')
	}
	return &ks
})

// parseCmap sets in c the BMP runes that the TrueType font ttf maps to a glyph, from
// its Unicode BMP cmap subtable (format 4, platform 3 encoding 1 or platform 0). A
// malformed font leaves c (partly) empty: its characters are then replaced, never
// drawn as boxes, and nothing panics.
func parseCmap(ttf []byte, c *coverage) {
	u16 := func(off int) int {
		if off < 0 || off+2 > len(ttf) {
			return -1
		}
		return int(binary.BigEndian.Uint16(ttf[off:]))
	}
	u32 := func(off int) int {
		if off < 0 || off+4 > len(ttf) {
			return -1
		}
		return int(binary.BigEndian.Uint32(ttf[off:]))
	}
	cmap := -1
	for i, n := 0, u16(4); i < n; i++ {
		rec := 12 + 16*i
		if tag := u32(rec); tag == 0x636d6170 { // "cmap"
			cmap = u32(rec + 8)
		}
	}
	if cmap < 0 {
		return
	}
	sub := -1
	for i, n := 0, u16(cmap+2); i < n; i++ {
		rec := cmap + 4 + 8*i
		plat, enc, off := u16(rec), u16(rec+2), u32(rec+4)
		if off < 0 || u16(cmap+off) != 4 {
			continue
		}
		if (plat == 3 && enc == 1) || (plat == 0 && sub < 0) {
			sub = cmap + off
		}
	}
	if sub < 0 {
		return
	}
	segs := u16(sub+6) / 2
	ends, starts := sub+14, sub+16+2*segs
	deltas, ranges := starts+2*segs, starts+4*segs
	for s := 0; s < segs; s++ {
		end, start := u16(ends+2*s), u16(starts+2*s)
		delta, ro := u16(deltas+2*s), u16(ranges+2*s)
		if end < 0 || start < 0 || delta < 0 || ro < 0 {
			return
		}
		for r := start; r <= end && r < 0xffff; r++ {
			g := 0
			if ro == 0 {
				g = (r + delta) & 0xffff
			} else if g = u16(ranges + 2*s + ro + 2*(r-start)); g > 0 {
				g = (g + delta) & 0xffff
			}
			if g > 0 {
				c.set(rune(r))
			}
		}
	}
}
