//go:build windows

package i18n

import (
	"syscall"
	"unsafe"
)

// Windows keeps no locale in the environment: the system's language is the user's
// display language, the one of Windows' menus. It comes from kernel32: the user's
// preferred UI languages (GetUserPreferredUILanguages, Windows Vista and later), else
// the user's default UI language (GetUserDefaultUILanguage, named by LCIDToLocaleName),
// else the user's regional format (GetUserDefaultLocaleName). Calls that fail are passed
// over: the language is then French.

// muiLanguageName asks GetUserPreferredUILanguages for names ("fr-FR"), not numbers.
const muiLanguageName = 0x8

// localeNameMax is LOCALE_NAME_MAX_LENGTH, in UTF-16 units with the final NUL.
const localeNameMax = 85

// systemLanguages are the user's Windows display languages, most preferred first.
func systemLanguages() []string {
	k := syscall.NewLazyDLL("kernel32.dll")
	if l := preferredUILanguages(k); len(l) > 0 {
		return l
	}
	if l := defaultUILanguage(k); l != "" {
		return []string{l}
	}
	if l := defaultLocaleName(k); l != "" {
		return []string{l}
	}
	return nil
}

// preferredUILanguages calls GetUserPreferredUILanguages(MUI_LANGUAGE_NAME, &n, buf, &size).
func preferredUILanguages(k *syscall.LazyDLL) []string {
	p := k.NewProc("GetUserPreferredUILanguages")
	if p.Find() != nil {
		return nil
	}
	var n, size uint32
	if r, _, _ := p.Call(muiLanguageName, uintptr(unsafe.Pointer(&n)), 0, uintptr(unsafe.Pointer(&size))); r == 0 || size == 0 {
		return nil
	}
	buf := make([]uint16, size)
	if r, _, _ := p.Call(muiLanguageName, uintptr(unsafe.Pointer(&n)), uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&size))); r == 0 {
		return nil
	}
	return multiString(buf)
}

// defaultUILanguage names the LANGID of GetUserDefaultUILanguage with LCIDToLocaleName.
func defaultUILanguage(k *syscall.LazyDLL) string {
	ui, name := k.NewProc("GetUserDefaultUILanguage"), k.NewProc("LCIDToLocaleName")
	if ui.Find() != nil || name.Find() != nil {
		return ""
	}
	id, _, _ := ui.Call()
	if id == 0 {
		return ""
	}
	buf := make([]uint16, localeNameMax)
	if r, _, _ := name.Call(id&0xffff, uintptr(unsafe.Pointer(&buf[0])), localeNameMax, 0); r == 0 {
		return ""
	}
	return syscall.UTF16ToString(buf)
}

// defaultLocaleName calls GetUserDefaultLocaleName, the user's regional format.
func defaultLocaleName(k *syscall.LazyDLL) string {
	p := k.NewProc("GetUserDefaultLocaleName")
	if p.Find() != nil {
		return ""
	}
	buf := make([]uint16, localeNameMax)
	if r, _, _ := p.Call(uintptr(unsafe.Pointer(&buf[0])), localeNameMax); r == 0 {
		return ""
	}
	return syscall.UTF16ToString(buf)
}
