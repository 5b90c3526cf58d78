package mailbox

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
)

// fakeStore is an InboundStore in memory with the contract of the real
// one: commits are unique on (mailbox, UIDVALIDITY, UID) and on SHA-256.
type fakeStore struct {
	mu        sync.Mutex
	cp        map[string]Checkpoint
	byHash    map[[32]byte]Destination
	byMsgID   map[string]Destination
	byUID     map[string][32]byte
	commits   []*Inbound
	failNext  int // Commit calls still to fail
	commitErr error
}

func newFakeStore() *fakeStore {
	return &fakeStore{
		cp:      map[string]Checkpoint{},
		byHash:  map[[32]byte]Destination{},
		byMsgID: map[string]Destination{},
		byUID:   map[string][32]byte{},
	}
}

func (s *fakeStore) Checkpoint(_ context.Context, mailbox string) (Checkpoint, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cp[mailbox], nil
}

func (s *fakeStore) Committed(_ context.Context, m *Inbound) (Destination, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d, ok := s.byHash[m.SHA256]; ok {
		return d, true, nil
	}
	if d, ok := s.byMsgID[m.MessageID]; ok && m.Resync && m.MessageID != "" {
		return d, true, nil
	}
	return 0, false, nil
}

func (s *fakeStore) Commit(_ context.Context, m *Inbound) (Destination, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failNext > 0 {
		s.failNext--
		return 0, errors.New("store is down")
	}
	if d, ok := s.byHash[m.SHA256]; ok {
		return d, nil
	}
	key := fmt.Sprintf("%s/%d/%d", m.Mailbox, m.UIDValidity, m.UID)
	if _, ok := s.byUID[key]; ok {
		s.commitErr = fmt.Errorf("uid %s committed twice with different content", key)
		return 0, s.commitErr
	}
	dest := Processed
	if m.Truncated || bytes.Contains(m.Raw, []byte("Subject: quarantine")) {
		dest = Quarantine
	}
	s.byUID[key] = m.SHA256
	s.byHash[m.SHA256] = dest
	s.byMsgID[m.MessageID] = dest
	s.commits = append(s.commits, m)
	cp := s.cp[m.Mailbox]
	if cp.UIDValidity != m.UIDValidity || m.UID > cp.LastUID {
		s.cp[m.Mailbox] = Checkpoint{UIDValidity: m.UIDValidity, LastUID: m.UID}
	}
	return dest, nil
}

// committed returns a copy of the commits so far.
func (s *fakeStore) committed() []*Inbound {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*Inbound(nil), s.commits...)
}

// poison makes Commit fail, always, for messages whose raw contains marker.
type poisonStore struct {
	*fakeStore
	marker string
}

func (s poisonStore) Commit(ctx context.Context, m *Inbound) (Destination, error) {
	if bytes.Contains(m.Raw, []byte(s.marker)) {
		return 0, errors.New("store cannot take this message")
	}
	return s.fakeStore.Commit(ctx, m)
}
