package index

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortBySlotRadix checks the radix sort of a big adjacency against
// the direct scatter that small ones use.
func TestSortBySlotRadix(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	for _, slots := range []int{3000, 1 << 16, 300_001} {
		slotOf := make([]int32, 200_000)
		start := make([]uint32, slots+1)
		for r := range slotOf {
			// Skewed, as real degrees are: many relations on a few slots.
			s := int32(rng.IntN(slots))
			if rng.IntN(4) == 0 {
				s = int32(rng.IntN(10))
			}
			slotOf[r] = s
			start[s+1]++
		}
		for s := range slots {
			start[s+1] += start[s]
		}
		want := make([]Rel, len(slotOf))
		next := slices.Clone(start[:slots])
		for r, s := range slotOf {
			want[next[s]] = Rel(r)
			next[s]++
		}
		got, gotStart := sortBySlot(slotOf, slots)
		if !slices.Equal(got, want) || !slices.Equal(gotStart, start) {
			t.Errorf("%d slots: radix order differs from the scatter's", slots)
		}
	}
}
