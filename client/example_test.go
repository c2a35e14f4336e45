package client_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"os"
	"slices"
	"strings"
	"testing"

	"go.uber.org/goleak"

	"github.com/entitygraph/entitygraph/client"
	"github.com/entitygraph/entitygraph/server/app"
	"github.com/entitygraph/entitygraph/server/index"
)

// serverAddr is where the examples find a server: one TestMain starts on a
// free loopback port, serving the seed graph. Examples get no testing.T, so
// they cannot use servertest.
var serverAddr string

func TestMain(m *testing.M) {
	ix, err := app.LoadIndex("")
	if err != nil {
		log.Fatalf("load seed graph: %v", err)
	}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatalf("listen: %v", err)
	}
	srv, _ := app.NewGRPCServer(index.NewHolder(ix), slog.New(slog.NewTextHandler(io.Discard, nil)))
	go func() { _ = srv.Serve(lis) }()
	serverAddr = lis.Addr().String()
	code := m.Run()
	srv.Stop()
	// No test may leave a goroutine behind: a leaked stream or connection
	// would fail here.
	if code == 0 {
		if err := goleak.Find(); err != nil {
			log.Printf("goleak: %v", err)
			code = 1
		}
	}
	os.Exit(code)
}

// This example finds Kioxia by its Japanese name and lists the relations
// that have it as object, each with the sentence of the article that
// states it.
func Example() {
	ctx := context.Background()
	c, err := client.Dial(serverAddr) // such as "localhost:50051"
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()

	kioxia, err := c.Resolve(ctx, "キオクシア")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(kioxia.GetName(), "is", kioxia.GetDisplayName())

	filter := client.RelationFilter{Object: kioxia.GetName()}
	for rel, err := range c.ListRelations(ctx, filter) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: %s %s\n", rel.GetName(), rel.GetSubject(), rel.GetPredicate())
		fmt.Printf("  %q\n", rel.GetEvidence()[0].GetQuote())
	}
	// Output:
	// organizations/kioxia is Kioxia
	// relations/japan-regards-kioxia-as-strategic: organizations/japan predicates/regards-as-strategic
	//   "Japan viewed the company as a critical national asset."
	// relations/western-digital-bid-for-kioxia: organizations/western-digital predicates/acquires
	//   "American firm Western Digital sought to acquire Japan’s Kioxia"
}

// This example shows what Resolve does with a name that fits several
// entities.
func ExampleClient_Resolve_ambiguous() {
	ctx := context.Background()
	c, err := client.Dial(serverAddr)
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()

	_, err = c.Resolve(ctx, "United")
	var ambiguous *client.AmbiguousError
	if errors.As(err, &ambiguous) {
		// Best match first; sorted here to keep the example's output stable.
		slices.SortFunc(ambiguous.Candidates, func(a, b client.Candidate) int { return strings.Compare(a.Name, b.Name) })
		for _, cand := range ambiguous.Candidates {
			fmt.Printf("%s (matched %q)\n", cand.Name, cand.MatchedText)
		}
	}
	// Output:
	// organizations/mexico (matched "United Mexican States")
	// organizations/united-kingdom (matched "United Kingdom")
	// organizations/united-states (matched "United States")
	// organizations/usmca (matched "United States-Mexico-Canada Agreement")
}

// This example asks the mission's question in plain English and prints the
// answers, each naming the relation that supports it.
func ExampleClient_Ask() {
	ctx := context.Background()
	c, err := client.Dial(serverAddr)
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()

	resp, err := c.Ask(ctx, "Who coordinated against which acquisition?")
	var nu *client.NotUnderstoodError
	if errors.As(err, &nu) {
		log.Fatalf("rephrase the question: %s (not understood: %s)", nu.Reason, strings.Join(nu.NotUnderstood, ", "))
	}
	if err != nil {
		log.Fatal(err)
	}
	for _, answer := range resp.GetAnswers() {
		fmt.Println(answer)
	}
	// Output:
	// ?who = Samsung Electronics, ?acquisition = [Western Digital acquires Kioxia (failed, 2021)] — because Samsung Electronics coordinates against [Western Digital acquires Kioxia (failed, 2021)] (2021)
	// ?who = SK Group, ?acquisition = [Western Digital acquires Kioxia (failed, 2021)] — because SK Group coordinates against [Western Digital acquires Kioxia (failed, 2021)] (2021)
}

// This example searches the evidence for a phrase of the article and
// prints, for the best match, the span that matched, cut from the
// document's own text by the highlight's character offsets.
func ExampleClient_SearchRelations() {
	ctx := context.Background()
	c, err := client.Dial(serverAddr)
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()

	matches, err := c.SearchRelations(ctx, "second public mention", client.StatementsLimit(1))
	if err != nil {
		log.Fatal(err)
	}
	best := matches[0]
	fmt.Println(best.GetRelation().GetName())
	for _, h := range best.GetHighlights() {
		doc, err := c.GetDocument(ctx, h.GetDocument(), true)
		if err != nil {
			log.Fatal(err)
		}
		text := []rune(doc.GetText())
		fmt.Printf("«%s»\n", string(text[h.GetStartChar():h.GetEndChar()]))
	}
	// Output:
	// relations/chey-tae-won-proposes-alliance-in-seoul
	// «second public mention»
}
