#!/usr/bin/env bash
# Checks a Windows build of Relance with Go's debug/pe: a valid PE32+ file for amd64, GUI subsystem
# (no console window), and a resource section holding an icon, a version block and a manifest
# (what fyne package embeds through fyne.syso). Prints what it found; exits 1 on any failure.
# Usage: scripts/check-pe.sh dist/relance.exe
#        scripts/check-pe.sh --console dist/relance-cli.exe   (console subsystem: cmd.exe waits for it)
# (A script rather than a test package: dist/ is git-ignored, so a dist/pe_test.go would not be kept.)
set -euo pipefail
subsystem=gui
if [ "${1:-}" = --console ]; then subsystem=console; shift; fi
[ $# -eq 1 ] || { echo "usage: $0 [--console] file.exe" >&2; exit 2; }
exe=$(realpath "$1")
export PATH=/usr/local/go/bin:$PATH
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/checkpe.go" <<'EOF'
package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"fmt"
	"os"
	"sort"
	"strings"
)

const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

var typeNames = map[uint32]string{1: "CURSOR", 2: "BITMAP", rtIcon: "ICON", 4: "MENU", 5: "DIALOG", 6: "STRING",
	rtGroupIcon: "GROUP_ICON", rtVersion: "VERSION", rtManifest: "MANIFEST"}

func main() {
	path, console := os.Args[1], os.Args[2] == "console"
	f, err := pe.Open(path)
	if err != nil {
		fail("not a PE file: %v", err)
	}
	defer f.Close()
	ok := true
	check := func(cond bool, format string, args ...any) {
		mark := "ok  "
		if !cond {
			mark, ok = "FAIL", false
		}
		fmt.Printf("check-pe: %s %s\n", mark, fmt.Sprintf(format, args...))
	}

	check(f.Machine == pe.IMAGE_FILE_MACHINE_AMD64, "machine 0x%x (want 0x%x, amd64)", f.Machine, pe.IMAGE_FILE_MACHINE_AMD64)
	oh, is64 := f.OptionalHeader.(*pe.OptionalHeader64)
	check(is64, "PE32+ optional header")
	if !is64 {
		os.Exit(1)
	}
	if console {
		check(oh.Subsystem == pe.IMAGE_SUBSYSTEM_WINDOWS_CUI, "subsystem %d (want %d, console)", oh.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_CUI)
	} else {
		check(oh.Subsystem == pe.IMAGE_SUBSYSTEM_WINDOWS_GUI, "subsystem %d (want %d, Windows GUI)", oh.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}
	check(f.Characteristics&pe.IMAGE_FILE_EXECUTABLE_IMAGE != 0, "executable image flag")
	// debug/pe's ImportedLibraries returns nothing for PE: take the DLLs from the "symbol:DLL" list.
	if syms, err := f.ImportedSymbols(); err == nil {
		seen := map[string]bool{}
		var libs []string
		for _, s := range syms {
			if _, dll, ok := strings.Cut(s, ":"); ok && !seen[strings.ToLower(dll)] {
				seen[strings.ToLower(dll)] = true
				libs = append(libs, dll)
			}
		}
		sort.Strings(libs)
		fmt.Printf("check-pe:      imports %s\n", strings.Join(libs, " "))
		// Only DLLs every Windows has: no MinGW runtime (libwinpthread-1.dll, libgcc_s_*.dll) to ship.
		var extra []string
		for _, l := range libs {
			if strings.HasPrefix(strings.ToLower(l), "lib") {
				extra = append(extra, l)
			}
		}
		check(len(libs) > 0 && len(extra) == 0, "no MinGW runtime DLL to ship %v", extra)
	}

	// Resources: data directory 2, usually the .rsrc section.
	rd := oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	var data []byte
	for _, s := range f.Sections {
		if rd.VirtualAddress >= s.VirtualAddress && rd.VirtualAddress < s.VirtualAddress+s.VirtualSize {
			b, err := s.Data()
			if err == nil {
				off := rd.VirtualAddress - s.VirtualAddress
				if int(off) < len(b) {
					data = b[off:]
				}
			}
			fmt.Printf("check-pe:      resources in section %s, %d bytes\n", s.Name, rd.Size)
		}
	}
	check(rd.Size > 0 && len(data) >= 16, "resource directory present")
	types := map[uint32]int{}
	if len(data) >= 16 {
		named := int(binary.LittleEndian.Uint16(data[12:]))
		ids := int(binary.LittleEndian.Uint16(data[14:]))
		for i := 0; i < named+ids; i++ {
			e := 16 + 8*i
			if e+8 > len(data) {
				break
			}
			id := binary.LittleEndian.Uint32(data[e:])
			if id&0x80000000 != 0 {
				continue // a named type
			}
			types[id] = countLeaves(data, binary.LittleEndian.Uint32(data[e+4:]), 0)
		}
	}
	list := ""
	var ids []uint32
	for id := range types {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		n := types[id]
		name := typeNames[id]
		if name == "" {
			name = fmt.Sprint(id)
		}
		list += fmt.Sprintf(" %s×%d", name, n)
	}
	fmt.Printf("check-pe:      resource types:%s\n", list)
	check(types[rtIcon] > 0 && types[rtGroupIcon] > 0, "icon resource (%d icon image(s), %d icon group(s))", types[rtIcon], types[rtGroupIcon])
	check(types[rtVersion] > 0, "version resource")
	check(types[rtManifest] > 0, "manifest resource")

	// VS_FIXEDFILEINFO: signature 0xFEEF04BD, then struct version, FileVersionMS, FileVersionLS.
	if i := bytes.Index(data, []byte{0xBD, 0x04, 0xEF, 0xFE}); i >= 0 && i+16 <= len(data) {
		ms := binary.LittleEndian.Uint32(data[i+8:])
		ls := binary.LittleEndian.Uint32(data[i+12:])
		fmt.Printf("check-pe:      file version %d.%d.%d.%d\n", ms>>16, ms&0xffff, ls>>16, ls&0xffff)
	}
	for _, key := range []string{"ProductName", "ProductVersion", "FileDescription"} {
		if v := versionString(data, key); v != "" {
			fmt.Printf("check-pe:      %s = %q\n", key, v)
		}
	}
	if !ok {
		os.Exit(1)
	}
	fmt.Println("check-pe: ok")
}

// countLeaves counts the data entries under a resource directory entry (type → name → language).
func countLeaves(data []byte, off uint32, depth int) int {
	if off&0x80000000 == 0 {
		return 1
	}
	d := int(off &^ 0x80000000)
	if depth > 3 || d+16 > len(data) {
		return 0
	}
	n := int(binary.LittleEndian.Uint16(data[d+12:])) + int(binary.LittleEndian.Uint16(data[d+14:]))
	total := 0
	for i := 0; i < n; i++ {
		e := d + 16 + 8*i
		if e+8 > len(data) {
			break
		}
		total += countLeaves(data, binary.LittleEndian.Uint32(data[e+4:]), depth+1)
	}
	return total
}

// versionString finds a StringFileInfo value: the UTF-16 key, NUL padding to 32 bits, then the value.
func versionString(data []byte, key string) string {
	k := utf16z(key)
	i := bytes.Index(data, k)
	if i < 0 {
		return ""
	}
	j := i + len(k)
	for j%4 != 0 && j < len(data) {
		j++
	}
	var s []rune
	for ; j+1 < len(data); j += 2 {
		c := binary.LittleEndian.Uint16(data[j:])
		if c == 0 {
			break
		}
		s = append(s, rune(c))
	}
	return string(s)
}

func utf16z(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return append(b, 0, 0)
}

func fail(format string, args ...any) {
	fmt.Printf("check-pe: FAIL "+format+"\n", args...)
	os.Exit(1)
}
EOF
cd "$tmp"
GOFLAGS=-buildvcs=false GO111MODULE=off CGO_ENABLED=0 go run checkpe.go "$exe" "$subsystem"
