// Package mailstack starts a real Dovecot (IMAP, LMTP) and Postfix (SMTP) on
// 127.0.0.1 for integration tests, through the repository's .ci/mailstack
// script, and stops them again.
//
// The flow for a test package:
//
//  1. TestMain calls [Main], which runs the tests and afterwards stops the
//     stack if one was started; a package whose selected tests need no mail
//     server pays nothing.
//  2. A test calls [Shared], which starts one stack per test binary on first
//     use (about 2 s; Postfix makes its queue folders) in a short directory
//     under the temporary folder, since Unix socket paths are limited to 107
//     bytes.
//  3. The test takes a mailbox of its own with [NewUser], so tests can run
//     in parallel without seeing each other's mail (a stack starts with 30
//     spare mailboxes at sandbox.test and at example.test; more are added on
//     demand, about 0.1 to 1 s each), and sends mail with [Stack.Send] or
//     [Stack.SendAll] (through Postfix, delivered to Dovecot over LMTP).
//  4. [Main] stops the stack: the Dovecot and Postfix masters are signalled
//     and the ports are closed before it returns (about 1 s).
//
// A test that wants a stack to itself (to stop Postfix, say) uses [New],
// which stops it in t.Cleanup.
//
// If Dovecot or Postfix is not installed the test fails, never skips, with a
// message that says to run ".ci/mailstack install" as root.
//
// Postfix delivers only to the domains of the stack's users; every other
// destination is refused at RCPT time, so nothing leaves the machine.
// Any address at tempfail.test is answered 451 and any at reject.test 550.
package mailstack
