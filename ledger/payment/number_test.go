package payment

import "testing"

// An invoice number typed with one space, or none, finds the FEC's « FA  220396 ».
func TestSameNumberIgnoresSpaces(t *testing.T) {
	for _, typed := range []string{"FA 220396", "fa220396", " FA  220396 "} {
		if !sameNumber("FA  220396", typed) {
			t.Errorf("%q does not find « FA  220396 »", typed)
		}
	}
	if sameNumber("FA  220396", "FA 220397") {
		t.Error("another number matched")
	}
}
