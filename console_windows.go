//go:build windows

package main

import (
	"os"
	"syscall"
)

// attachParentConsole gives a command typed in cmd.exe or PowerShell somewhere to print.
// relance.exe is a GUI-subsystem program (no console window of its own when double-clicked),
// so Windows gives it no standard handles: its output would be lost. When a handle is
// missing it attaches to the console of the process that started it, if there is one, and
// writes there. A handle the shell redirected (`relance.exe version > v.txt`) is kept.
//
// This is the fallback: the shell does not wait for a GUI program, so its prompt may come
// back before the output and %ERRORLEVEL% is not set. Scripts use relance-cli.exe, the same
// commands built as a console program (cmd/relance-cli), which the installer ships.
func attachParentConsole() {
	if validHandle(os.Stdout) && validHandle(os.Stderr) {
		return
	}
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if err := attach.Find(); err != nil {
		return
	}
	if ok, _, _ := attach.Call(attachParentProcess); ok == 0 {
		return // started from Explorer or the Start menu: no console to write to
	}
	if !validHandle(os.Stdout) {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stdout = f
		}
	}
	if !validHandle(os.Stderr) {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stderr = f
		}
	}
}

// validHandle reports whether f is an open file, pipe or console.
func validHandle(f *os.File) bool {
	if f == nil {
		return false
	}
	_, err := syscall.GetFileType(syscall.Handle(f.Fd()))
	return err == nil
}
