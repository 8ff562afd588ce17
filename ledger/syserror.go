package ledger

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// SystemError gives the system's refusals people meet — a full disk, a folder or a file
// they may not write, a read-only file system — in their language (err.os.*, with the
// file when the error names one); any other error is returned as is.
func SystemError(err error) error {
	if err == nil {
		return nil
	}
	key := ""
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		key = "err.os.disk_full"
	case errors.Is(err, syscall.EROFS):
		key = "err.os.read_only_fs"
	case errors.Is(err, os.ErrPermission):
		key = "err.os.permission"
	case errors.Is(err, syscall.ENOTDIR):
		key = "err.os.not_folder"
	default:
		return err
	}
	file := ""
	var pe *fs.PathError
	if errors.As(err, &pe) {
		file = " (" + pe.Path + ")"
	}
	return &Problem{Key: key, Args: []string{"file", file}}
}
