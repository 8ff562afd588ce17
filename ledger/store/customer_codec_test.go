package store

import (
	"reflect"
	"testing"

	"relance/ledger"
)

// fill sets every field reachable from v to a non-zero value, so that a field the
// codec forgets shows up as a difference after a round trip.
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString("v" + string(rune('a'+*n%26)) + "é")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(1 + *n%3))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(1 + *n%2))
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			fill(v.Field(i), n)
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), n)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := 0; i < 2; i++ {
			fill(s.Index(i), n)
		}
		v.Set(s)
	default:
		panic("fill: unsupported kind " + v.Kind().String())
	}
}

func TestCustomerCodecCarriesEveryField(t *testing.T) {
	var c ledger.Customer
	n := 0
	fill(reflect.ValueOf(&c).Elem(), &n)
	got, err := decodeCustomer(encodeCustomer(&c))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, c) {
		t.Errorf("round trip lost fields:\n got %+v\nwant %+v", got, c)
	}
	zero := ledger.Customer{ID: "x", Name: "y", Terms: &ledger.Terms{Days: 0}}
	if got, _ := decodeCustomer(encodeCustomer(&zero)); !reflect.DeepEqual(got, zero) {
		t.Errorf("zero-day terms lost: %+v", got)
	}
}

func FuzzDecodeCustomer(f *testing.F) {
	var c ledger.Customer
	n := 0
	fill(reflect.ValueOf(&c).Elem(), &n)
	f.Add(encodeCustomer(&c))
	f.Add([]byte{1})
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := decodeCustomer(b)
		if err != nil {
			return
		}
		if _, err := decodeCustomer(encodeCustomer(&c)); err != nil {
			t.Fatal(err)
		}
	})
}
