//go:build !unix

package grammar

import "os/exec"

// command returns the command starting the server.
func command(path string, args []string) *exec.Cmd { return exec.Command(path, args...) }

// killGroup stops the server (its workers are not tracked outside Unix).
func killGroup(cmd *exec.Cmd, hard bool) {
	if cmd.Process != nil {
		_ = cmd.Process.Kill()
	}
}
