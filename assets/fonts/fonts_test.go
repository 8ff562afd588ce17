package fonts

import (
	"strings"
	"testing"
)

func TestEmbedded(t *testing.T) {
	for name, b := range map[string][]byte{"Regular": Regular, "Bold": Bold, "Oblique": Oblique} {
		if len(b) < 100000 || string(b[:4]) != "\x00\x01\x00\x00" {
			t.Errorf("%s: not a TrueType file (%d bytes)", name, len(b))
		}
	}
	for name, p := range map[string]Prebuilt{"regular": RegularLatin(), "bold": BoldLatin(), "oblique": ObliqueLatin()} {
		if !strings.Contains(string(p.JSON), `"Enc":"relance`) || len(p.Z) < 5000 {
			t.Errorf("%s: bad prebuilt font", name)
		}
	}
	if !strings.Contains(Encoding, "!81 U+202F uni202F") || !strings.Contains(License, "Bitstream") {
		t.Error("encoding or licence missing")
	}
}
