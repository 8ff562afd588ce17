//go:build !windows

package main

// attachParentConsole does nothing outside Windows: a program started from a terminal
// already writes to it.
func attachParentConsole() {}
