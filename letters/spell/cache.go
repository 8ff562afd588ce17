package spell

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"relance/assets/dict"
)

// DefaultCacheDir is the folder the embedded dictionaries are written to:
// os.UserCacheDir()/relance/dict/<dict.Version()> (~/.cache/relance/dict/… on Linux,
// %LocalAppData%\relance\dict\… on Windows), or the temporary folder when there is no cache
// folder (no $HOME).
func DefaultCacheDir() string {
	base, err := os.UserCacheDir()
	if err != nil || base == "" {
		base = os.TempDir()
	}
	return filepath.Join(base, "relance", "dict", dict.Version())
}

// extract writes NAME.aff and NAME.dic of the embedded dictionary name into dir unless they
// are already there with the right size, and returns their paths. Each file is written to a
// temporary file in dir and renamed, so a crash or a second Relance writing at the same time
// never leaves a truncated dictionary under the final name.
func extract(dir, name string) (aff, dic string, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", "", fmt.Errorf("spell: %w", err)
	}
	var paths [2]string
	for i, ext := range []string{".aff", ".dic"} {
		p, err := extractFile(dir, name+ext)
		if err != nil {
			return "", "", err
		}
		paths[i] = p
	}
	return paths[0], paths[1], nil
}

func extractFile(dir, file string) (string, error) {
	dst := filepath.Join(dir, file)
	want, err := dict.Size(file)
	if err != nil {
		return "", fmt.Errorf("spell: %w", err)
	}
	if st, err := os.Stat(dst); err == nil && st.Mode().IsRegular() && st.Size() == want {
		return dst, nil
	}
	src, err := dict.Open(file)
	if err != nil {
		return "", fmt.Errorf("spell: %w", err)
	}
	defer src.Close()
	tmp, err := os.CreateTemp(dir, file+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("spell: %w", err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	n, err := io.Copy(tmp, src)
	if err == nil && n != want {
		err = fmt.Errorf("%s: %d bytes written, %d expected", file, n, want)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), dst)
	}
	if err != nil {
		return "", fmt.Errorf("spell: writing %s: %w", dst, err)
	}
	return dst, nil
}
