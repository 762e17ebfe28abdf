using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IESCP.Tests.Infrastructure;

/// <summary>A message the stand-in for Google Chat accepted.</summary>
public sealed record ChatMessage(string Space, string? MessageId, string Text);

/// <summary>How the stand-in for Google Chat answers the next requests.</summary>
public enum ChatAnswer
{
    Ok = 0,
    ServerError = 1,
    Hang = 2,
    NotFound = 3,
}

/// <summary>
/// A loopback HTTP server standing in for Google Chat's incoming webhooks, on real Kestrel: it
/// keeps every message it accepts, answers 409 to a message id it already has (as Chat does),
/// and can be told to answer 500, 404, or to hang.
/// </summary>
public sealed class ChatReceiver : IAsyncLifetime
{
    private readonly ConcurrentQueue<ChatMessage> accepted = new();
    private WebApplication? server;
    private readonly Lock gate = new();
    private int requests;
    private int failuresLeft;
    private ChatAnswer failAnswer;

    public int Port { get; } = Ports.Free();

    /// <summary>A webhook URL on this receiver, shaped like Google Chat's.</summary>
    public string WebhookUrl(string space = "AAAA") => $"http://127.0.0.1:{Port}/v1/spaces/{space}/messages?key=test-key&token=test-token";

    /// <summary>How it answers from now on (after any <see cref="FailNext"/> failures).</summary>
    public ChatAnswer Answer { get; set; } = ChatAnswer.Ok;

    /// <summary>How many requests arrived, answered or not.</summary>
    public int Requests => requests;

    public IReadOnlyList<ChatMessage> Messages => [.. accepted];

    /// <summary>The messages posted to one space (one user's webhook).</summary>
    public IReadOnlyList<ChatMessage> MessagesTo(string space) => [.. accepted.Where(m => m.Space == space)];

    /// <summary>Answers <paramref name="answer"/> to the next <paramref name="count"/> requests, then as <see cref="Answer"/> says.</summary>
    public void FailNext(int count, ChatAnswer answer)
    {
        lock (gate)
        {
            (failuresLeft, failAnswer) = (count, answer);
        }
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        builder.Logging.ClearProviders();
        server = builder.Build();
        server.MapPost("/v1/spaces/{space}/messages", (Delegate)HandleAsync);
        await server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await server.StopAsync(stop.Token);
            await server.DisposeAsync();
        }
    }

    private async Task<IResult> HandleAsync(HttpContext http)
    {
        Interlocked.Increment(ref requests);
        ChatAnswer answer;
        lock (gate)
        {
            answer = failuresLeft > 0 ? failAnswer : Answer;
            failuresLeft = Math.Max(0, failuresLeft - 1);
        }

        switch (answer)
        {
            case ChatAnswer.ServerError:
                return Results.StatusCode(500);
            case ChatAnswer.NotFound:
                return Results.NotFound();
            case ChatAnswer.Hang:
                await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { });
                return Results.StatusCode(504);
        }

        var messageId = http.Request.Query["messageId"].FirstOrDefault();
        var space = (string)http.Request.RouteValues["space"]!;
        using var body = await JsonDocument.ParseAsync(http.Request.Body);
        var text = body.RootElement.GetProperty("text").GetString() ?? "";
        lock (accepted)
        {
            if (messageId is not null && accepted.Any(m => m.MessageId == messageId))
            {
                return Results.StatusCode((int)HttpStatusCode.Conflict);
            }

            accepted.Enqueue(new ChatMessage(space, messageId, text));
        }

        return Results.Ok(new { name = $"spaces/AAAA/messages/{messageId}" });
    }
}
