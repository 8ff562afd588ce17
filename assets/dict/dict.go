// Package dict embeds the hunspell dictionaries used by the spelling checker
// (letters/spell) and their licence notices:
//
//   - fr: Dicollecte 7.0 "classique" (MPL-2.0, LICENSE-fr.txt), from Debian hunspell-fr-classical;
//   - en_GB: LibreOffice's British English dictionary (NOTICE-en_GB.txt), from Debian hunspell-en-gb;
//   - en_US: SCOWL's American English dictionary (NOTICE-en_US.txt), from Debian hunspell-en-us.
//
// The .aff and .dic files are stored unmodified, gzip-compressed (mkdict.sh regenerates them),
// which keeps the executable about 3.8 MB smaller than storing them raw. Hunspell only opens
// files by path, so letters/spell writes them out to the user's cache folder at first use.
package dict

import (
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
)

//go:embed *.gz LICENSE-fr.txt NOTICE-en_GB.txt NOTICE-en_US.txt
var files embed.FS

// Names returns the embedded dictionaries, each a pair NAME.aff / NAME.dic.
func Names() []string { return []string{"fr", "en_GB", "en_US"} }

// NoticeFiles returns the licence notices that must ship with the dictionaries.
func NoticeFiles() []string {
	return []string{"LICENSE-fr.txt", "NOTICE-en_GB.txt", "NOTICE-en_US.txt"}
}

// Open returns the decompressed content of an embedded file such as "fr.aff" or "en_GB.dic".
// The caller closes it.
func Open(name string) (io.ReadCloser, error) {
	f, err := files.Open(name + ".gz")
	if err != nil {
		return nil, fmt.Errorf("dict: %w", err)
	}
	z, err := gzip.NewReader(f)
	if err != nil {
		_ = f.Close() // cleanup after the error returned below, or shutdown: nothing to report
		return nil, fmt.Errorf("dict: %s: %w", name, err)
	}
	return readCloser{z, f}, nil
}

type readCloser struct {
	*gzip.Reader
	f io.Closer
}

func (r readCloser) Close() error {
	err := r.Reader.Close()
	if cerr := r.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Size returns the decompressed size of an embedded file ("fr.dic"), read from the gzip
// trailer (ISIZE, RFC 1952 §2.3.1; exact below 4 GiB), without decompressing it.
func Size(name string) (int64, error) {
	b, err := files.ReadFile(name + ".gz")
	if err != nil {
		return 0, fmt.Errorf("dict: %w", err)
	}
	if len(b) < 18 {
		return 0, fmt.Errorf("dict: %s: truncated gzip file", name)
	}
	return int64(binary.LittleEndian.Uint32(b[len(b)-4:])), nil
}

// Notice returns the text of a licence notice (one of NoticeFiles).
func Notice(name string) ([]byte, error) {
	b, err := files.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("dict: %w", err)
	}
	return b, nil
}

// Version identifies the embedded dictionaries: the first 12 hex digits of the SHA-256 of the
// compressed files, in the order of Names. The cache folder is named after it, so a Relance
// that ships other dictionaries never reads the files an older one wrote.
func Version() string {
	h := sha256.New()
	for _, n := range Names() {
		for _, ext := range []string{".aff", ".dic"} {
			b, err := files.ReadFile(n + ext + ".gz")
			if err != nil { // cannot happen: the files are embedded (TestFiles)
				b = []byte(err.Error())
			}
			fmt.Fprintf(h, "%s %d\n", n+ext, len(b))
			h.Write(b)
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}
