//go:build !unix && !windows

package grammar

import "os/exec"

// command returns the command starting the server.
func command(prog program, args []string) *exec.Cmd {
	if len(prog.python) > 0 {
		return exec.Command(prog.python[0], append(append(prog.python[1:len(prog.python):len(prog.python)], prog.script), args...)...)
	}
	return exec.Command(prog.script, args...)
}

// killGroup stops the server (its workers are not tracked here).
func killGroup(cmd *exec.Cmd, hard bool) {
	if cmd.Process != nil {
		_ = cmd.Process.Kill()
	}
}
