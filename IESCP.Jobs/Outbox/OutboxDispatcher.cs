using System.Net.Mail;
using System.Threading.Channels;
using IESCP.Data.Outbox;
using IESCP.Jobs.Email;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;

namespace IESCP.Jobs.Outbox;

/// <summary>What one dispatcher run did.</summary>
public sealed record DispatchResult(int Sent, int Retrying, int Failed)
{
    public bool Idle => Sent + Retrying + Failed == 0;

    public override string ToString() => $"{Sent} sent, {Retrying} to retry, {Failed} failed";
}

/// <summary>
/// Sends what is due in the outbox, step by step, until nothing is: each message is held by this
/// run, sent with quick retries and a time limit (Polly), then recorded as sent, or as failed
/// with its error and a retry time that doubles with each failure. A run that finds the mail
/// server down stops trying it after a few failures and leaves the rest for a later run.
/// </summary>
public sealed class OutboxDispatcher(
    OutboxRepository outbox, MailSender mail, ChatSender chat, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    private const string NotTried = "Not tried: the mail server failed repeatedly during this run.";

    private const string Stopping = "Not sent: the app was stopping.";

    public async Task<DispatchResult> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var holder = Guid.NewGuid().ToString("N");
        // Built per run: a circuit the mail server opened during one run is closed again for the next.
        var emailPipeline = Pipeline(settings, breaker: true);
        var chatPipeline = Pipeline(settings, breaker: false);
        var (sent, retrying, failed) = (0, 0, 0);
        var handled = new HashSet<long>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await outbox.ClaimDueAsync(holder, settings.BatchSize, settings.Lease, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            // A message due again within the same run (retried at once) waits for the next run:
            // a run ends, whatever comes due while it works.
            if (batch.Any(m => handled.Contains(m.Id)))
            {
                await outbox.ReleaseAsync(holder, [.. batch.Select(m => m.Id)]);
                break;
            }

            handled.UnionWith(batch.Select(m => m.Id));

            // Each outcome is recorded as soon as it is known, not once the whole batch is done: a
            // process killed mid-batch must not send again what a receiver already took. (Only a
            // message taken by the receiver in the instant before its record can go out twice,
            // with the same key as Message-ID or chat message id.)
            var outcomes = Channel.CreateUnbounded<Outcome>(new UnboundedChannelOptions { SingleReader = true });
            var recorder = RecordAsync(holder, outcomes.Reader);
            // Not cancelled as a whole: every message held gets an outcome recorded, even when the app stops.
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Parallelism) }, async (message, _) =>
            {
                try
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var pipeline = message.Channel == OutboxChannel.Email ? emailPipeline : chatPipeline;
                    await pipeline.ExecuteAsync(async t => await SendAsync(message, t), cancellationToken);
                    outcomes.Writer.TryWrite(new Outcome(message.Id, null));
                }
                catch (Exception e)
                {
                    outcomes.Writer.TryWrite(new Outcome(message.Id, cancellationToken.IsCancellationRequested
                        ? new OutboxFailure(message.Id, Stopping, clock.GetUtcNow().UtcDateTime, Attempted: false)
                        : Failure(message, e, settings)));
                }
            });
            outcomes.Writer.Complete();
            var (done, failures) = await recorder;
            sent += done;
            retrying += failures.Count(f => f.RetryAt is not null);
            failed += failures.Count(f => f.RetryAt is null);
            if (failures.Count > 0)
            {
                logger.LogWarning("Outbox: {Failed} of {Count} messages failed; first error: {Error}", failures.Count, batch.Count, failures[0].Error);
            }
        }

        return new DispatchResult(sent, retrying, failed);
    }

    /// <summary>
    /// Records outcomes while the sends go on: whatever has arrived since the last write goes in
    /// one transaction (one message when sends are few, many at once when they are quick).
    /// Recorded even when the run is being stopped: what was sent must never be sent again.
    /// </summary>
    private async Task<(int Sent, List<OutboxFailure> Failures)> RecordAsync(string holder, ChannelReader<Outcome> outcomes)
    {
        var (sent, failures) = (0, new List<OutboxFailure>());
        while (await outcomes.WaitToReadAsync(CancellationToken.None))
        {
            var (done, failed) = (new List<long>(), new List<OutboxFailure>());
            while (outcomes.TryRead(out var outcome))
            {
                if (outcome.Failure is { } failure)
                {
                    failed.Add(failure);
                }
                else
                {
                    done.Add(outcome.Id);
                }
            }

            await outbox.RecordAsync(holder, done, failed, CancellationToken.None);
            sent += done.Count;
            failures.AddRange(failed);
        }

        return (sent, failures);
    }

    /// <summary>What became of one message: sent (no failure), or why not.</summary>
    private sealed record Outcome(long Id, OutboxFailure? Failure);

    private Task SendAsync(OutboxDelivery message, CancellationToken cancellationToken) => message.Channel switch
    {
        OutboxChannel.Email => mail.SendAsync(message, cancellationToken),
        _ => chat.SendAsync(message, cancellationToken),
    };

    private OutboxFailure Failure(OutboxDelivery message, Exception error, OutboxOptions settings)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return error switch
        {
            // Never attempted: does not count towards giving up.
            BrokenCircuitException => new OutboxFailure(message.Id, NotTried, settings.RetryAt(Math.Max(1, message.Attempts), now), Attempted: false),
            PermanentDeliveryException or SmtpFailedRecipientException { StatusCode: SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.MailboxNameNotAllowed }
                => new OutboxFailure(message.Id, error.Message, null),
            _ => new OutboxFailure(message.Id, Describe(error), settings.RetryAt(message.Attempts + 1, now)),
        };
    }

    private static string Describe(Exception error) => error.InnerException is { } inner && error is SmtpException
        ? $"{error.Message} ({inner.Message})"
        : error.Message;

    private static ResiliencePipeline Pipeline(OutboxOptions settings, bool breaker)
    {
        var transient = new PredicateBuilder().Handle<Exception>(e => e is not (PermanentDeliveryException or BrokenCircuitException or SmtpFailedRecipientException));
        var builder = new ResiliencePipelineBuilder();
        if (settings.QuickRetries > 0)
        {
            builder.AddRetry(new()
            {
                ShouldHandle = transient,
                MaxRetryAttempts = settings.QuickRetries,
                Delay = settings.QuickRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
            });
        }

        if (breaker)
        {
            builder.AddCircuitBreaker(new()
            {
                ShouldHandle = transient,
                FailureRatio = 1.0,
                MinimumThroughput = 5,
                SamplingDuration = TimeSpan.FromMinutes(1),
                BreakDuration = TimeSpan.FromMinutes(10),
            });
        }

        return builder.AddTimeout(settings.SendTimeout).Build();
    }
}
