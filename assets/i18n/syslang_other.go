//go:build !windows

package i18n

import "os"

// systemLanguages are the languages the locale environment asks for (unixLanguages).
func systemLanguages() []string { return unixLanguages(os.Getenv) }
