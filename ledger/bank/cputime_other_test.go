//go:build !unix

package bank

import "time"

// cpuTime is not measured on this system (the cpu-ms/op metric is then omitted).
func cpuTime() time.Duration { return 0 }
