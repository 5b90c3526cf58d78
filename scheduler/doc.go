// Package scheduler is the bot's alarm clock: it runs the jobs that time
// makes due (the deadline sweep, the officers' digest, management's status
// workbook, the database's checkpoint) at times given as cron specs, read
// in Asia/Bangkok and followed by the program's one clock.
//
// # Flow
//
//  1. [New] takes the clock, the zone, the logger, the [RunLog] and the
//     Ready channel. [Scheduler.Add] parses each [Job]'s spec with
//     robfig/cron's standard parser and wraps the job in cron's
//     SkipIfStillRunning around Recover: Recover inside, so that a panic
//     stops there and Skip gets its token back.
//  2. [Scheduler.Start] waits until Ready is closed: the wiring closes it
//     when the intake's first pass over the inbox is committed, so a
//     decision that arrived while the bot was down wins over the expiry of
//     its window.
//  3. Start runs once each job marked RunAtStart ([Sweep] is), then once
//     each job with CatchUp that missed a due time while the bot was down
//     ([Workbook] has it): once, however many times were missed.
//  4. Start then begins the loop: it sleeps until the earliest due time
//     and starts each job whose time has come in a goroutine of its own. A
//     job still running when it comes due again is skipped, and the skip
//     logged at Info; a job that panics is logged with its stack and runs
//     again at its next time.
//  5. A job's error is logged at Error with key job, never dropped. A
//     successful run of a job with CatchUp is recorded in the RunLog at the
//     instant it began, the next due time counted from it (step 3).
//  6. [Scheduler.RunNow] runs a job on demand (the command line, an
//     officer's REPORT) through the same wrappers, and returns its error.
//  7. [Scheduler.Stop] ends the loop, cancels every running job's context
//     and waits for the jobs to return.
//
// # The clock
//
// The program has one clock, [cases.Clock], which the command line can set
// (--now gives a [cases.OffsetClock]). cron's own loop reads the machine's
// time, so this package does not use it: it keeps cron's parser, its
// Schedule.Next and its Chain wrappers, and runs a loop of its own that
// reads the Clock. Each job's next due time is Schedule.Next of the
// clock's now; the loop sleeps on a machine timer for the time left until
// then, by the clock, at most a minute, and reads the clock again. So with
// --now jobs fire at the program's times, not the machine's: a bot started
// with --now=2026-04-06T07:59:30+07:00 sends the Monday workbook thirty
// seconds later, and sweeps on the program's minute. The catch-up decision
// and the instants recorded in the RunLog come from the Clock too; the
// sweep reads the case store's clock, which the wiring makes the same one,
// so deadlines are judged by the program's time. A clock that jumps (a
// manual clock set forward, a wall clock stepped, a machine woken from
// sleep) is followed within a minute, and a job due several times over runs
// once.
//
// # What the caller provides
//
// The case store implements [RunLog] (LastRun, RecordRun), [Sweeper]
// (Store.Sweep) and [Checkpointer] (Store.Checkpoint). The command line
// builds the jobs with [Sweep], [Digest], [Workbook] and [Checkpoint],
// closes Options.Ready after the intake's first pass, calls Start, and
// calls Stop when its context ends (SIGTERM).
package scheduler
