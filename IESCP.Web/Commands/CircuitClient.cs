using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IESCP.Web.Commands;

/// <summary>
/// One open tab without a browser: it loads a page, then starts its circuit the way the browser
/// script does (negotiate, WebSocket, blazorpack handshake, StartCircuit, UpdateRootComponents
/// with the page's component markers and persisted state), acknowledges every render batch,
/// answers JavaScript calls (void, or a new object reference when one is asked for), navigates
/// with OnLocationChanged and clicks the header's notification bell through the renderer's
/// DispatchEventAsync. The server cannot tell it from a browser tab: it holds the same circuit.
/// </summary>
internal sealed partial class CircuitClient : IAsyncDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(60);

    private readonly ClientWebSocket socket = new();
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly CancellationTokenSource stop = new();
    private readonly RenderBatchScan bell = new("aria-label", "Notifications");
    private readonly TaskCompletionSource<string?> started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Uri baseAddress;
    private Task receiving = Task.CompletedTask;
    private Task pinging = Task.CompletedTask;
    private long rendererObjectId;
    private long lastRender;
    private int renders;
    private int nextCall;
    private int nextJsObject;
    private TaskCompletionSource<bool>? click;
    private string? clickCallId;

    private CircuitClient(Uri baseAddress) => this.baseAddress = baseAddress;

    /// <summary>Why the circuit failed (a JS.Error, a close, a broken socket), or null.</summary>
    public string? Failure { get; private set; }

    /// <summary>An HTTP client for the tabs' page loads: the signed-in cookie goes in by hand, redirects are not followed.</summary>
    public static HttpClient NewHttpClient(Uri baseAddress) =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, UseProxy = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>Opens <paramref name="path"/> as a signed-in tab and waits until its circuit has rendered and gone quiet.</summary>
    public static async Task<CircuitClient> OpenAsync(HttpClient http, string cookie, string path)
    {
        var client = new CircuitClient(http.BaseAddress!);
        try
        {
            await client.StartAsync(http, cookie, path);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Moves the tab to <paramref name="path"/> as a link click does, and waits until it has rendered and gone quiet.</summary>
    public async Task NavigateAsync(string path)
    {
        var before = Volatile.Read(ref renders);
        await SendAsync(BlazorPack.Invoke(null, "OnLocationChanged", new Uri(baseAddress, path).ToString(), null, false));
        await WaitForQuietAsync(before, path);
    }

    /// <summary>Clicks the bell; the time from the click to the last render it caused (or null when it failed).</summary>
    public async Task<TimeSpan?> ClickBellAsync()
    {
        var handler = bell.ClickHandlerId;
        var callId = Interlocked.Increment(ref nextCall).ToString(CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref clickCallId, callId);
        Volatile.Write(ref click, done);
        var arguments = $$"""[{"eventHandlerId":{{handler}},"eventName":"click","eventFieldInfo":null},{{MouseClick}}]""";
        var sent = Stopwatch.GetTimestamp();
        await SendAsync(BlazorPack.Invoke(null, "BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", rendererObjectId, arguments));
        var succeeded = await done.Task.WaitAsync(StepLimit);
        var rendered = Volatile.Read(ref lastRender);
        return succeeded && rendered > sent ? Stopwatch.GetElapsedTime(sent, rendered) : null;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }

        await Task.WhenAll(receiving, pinging).ContinueWith(_ => { }, TaskScheduler.Default);
        socket.Dispose();
        sending.Dispose();
        stop.Dispose();
    }

    private async Task StartAsync(HttpClient http, string cookie, string path)
    {
        using var page = new HttpRequestMessage(HttpMethod.Get, path);
        page.Headers.Add("Cookie", cookie);
        using var pageResponse = await http.SendAsync(page);
        pageResponse.EnsureSuccessStatusCode();
        var html = await pageResponse.Content.ReadAsStringAsync();
        var state = StateComment().Match(html) is { Success: true } found ? found.Groups[1].Value : "";

        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "_blazor/negotiate?negotiateVersion=1");
        negotiate.Headers.Add("Cookie", cookie);
        using var negotiated = await http.SendAsync(negotiate);
        negotiated.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await negotiated.Content.ReadAsStringAsync())!["connectionToken"]!.GetValue<string>();

        socket.Options.SetRequestHeader("Cookie", cookie);
        var hub = new UriBuilder(new Uri(baseAddress, "_blazor")) { Scheme = "ws", Query = "id=" + Uri.EscapeDataString(token) }.Uri;
        await socket.ConnectAsync(hub, stop.Token);
        await socket.SendAsync(Encoding.UTF8.GetBytes(BlazorPack.Handshake), WebSocketMessageType.Text, true, stop.Token);
        receiving = Task.Run(ReceiveAsync);
        pinging = Task.Run(PingAsync);

        var before = Volatile.Read(ref renders);
        await SendAsync(BlazorPack.Invoke("0", "StartCircuit", baseAddress.ToString(), new Uri(baseAddress, path).ToString(), "[]", state));
        if (await started.Task.WaitAsync(StepLimit) is null)
        {
            throw new InvalidOperationException($"The circuit did not start: {Failure}");
        }

        await SendAsync(BlazorPack.Invoke(null, "UpdateRootComponents", RootComponents(html), state));
        await WaitForQuietAsync(before, path, () => bell.ClickHandlerId != 0 && rendererObjectId != 0);
    }

    /// <summary>The "add" operations for the page's interactive root components, in the order the server numbered them.</summary>
    private static string RootComponents(string html)
    {
        var markers = ComponentComment().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject())
            .Where(m => m["type"]?.GetValue<string>() == "server")
            .OrderBy(m => m["sequence"]!.GetValue<int>())
            .ToList();
        var operations = new JsonArray();
        for (var i = 0; i < markers.Count; i++)
        {
            markers[i]["uniqueId"] = i;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = markers[i] });
        }

        return new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString();
    }

    /// <summary>
    /// Waits for at least one render batch after <paramref name="before"/> (and for <paramref name="ready"/>,
    /// when given), then for no batch for a short while.
    /// </summary>
    private async Task WaitForQuietAsync(int before, string path, Func<bool>? ready = null)
    {
        var clock = Stopwatch.StartNew();
        while (Volatile.Read(ref renders) == before || ready?.Invoke() == false
            || Stopwatch.GetElapsedTime(Volatile.Read(ref lastRender)) < Quiet)
        {
            if (Failure is not null || clock.Elapsed > StepLimit)
            {
                throw new InvalidOperationException(
                    $"{path} did not render{(ready?.Invoke() == false ? " its notification bell" : "")}: {Failure ?? "timed out"}");
            }

            await Task.Delay(25);
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[16 * 1024];
        var pending = new MemoryStream();
        var handshaken = false;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Failure ??= "the server closed the connection";
                    return;
                }

                pending.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var unread = new ReadOnlySpan<byte>(pending.GetBuffer(), 0, (int)pending.Length);
                if (!handshaken)
                {
                    // The handshake answer is JSON ended by a record separator ("{}" when accepted).
                    var end = unread.IndexOf((byte)0x1e);
                    var answer = Encoding.UTF8.GetString(unread[..end]);
                    if (answer != "{}")
                    {
                        Failure = "handshake refused: " + answer;
                        started.TrySetResult(null);
                        return;
                    }

                    handshaken = true;
                    unread = unread[(end + 1)..];
                }

                var replies = new List<byte[]>();
                while (BlazorPack.TryTakeMessage(ref unread, out var message))
                {
                    Handle(message, replies);
                }

                var rest = unread.ToArray();
                pending.SetLength(0);
                pending.Write(rest);
                foreach (var reply in replies)
                {
                    await SendAsync(reply);
                }
            }
        }
        catch (Exception e)
        {
            // A broken socket, or a message this client could not read: unless the tab is being
            // closed, it has failed, and says why.
            if (!stop.IsCancellationRequested)
            {
                Failure ??= e.Message;
            }
        }
        finally
        {
            started.TrySetResult(null);
            Volatile.Read(ref click)?.TrySetResult(false);
        }
    }

    /// <summary>Handles one message from the server; what must be answered goes to <paramref name="replies"/>, in order.</summary>
    private void Handle(ReadOnlySpan<byte> message, List<byte[]> replies)
    {
        var reader = new BlazorPackReader(message);
        reader.ReadArrayHeader();
        switch (reader.ReadInt64())
        {
            case BlazorPack.Completion:
                reader.Skip(); // headers
                reader.ReadString(); // the StartCircuit call's id, the only call made with one
                var kind = reader.ReadInt64();
                var circuit = kind == 3 ? reader.ReadString() : null;
                if (circuit is null)
                {
                    Failure = kind == 1 ? reader.ReadString() : "StartCircuit returned nothing";
                }

                started.TrySetResult(circuit);
                break;
            case BlazorPack.Close:
                Failure ??= "the server closed the circuit: " + (reader.TryReadNil() ? "no reason" : reader.ReadString());
                break;
            case BlazorPack.Invocation:
                reader.Skip(); // headers
                reader.Skip(); // invocation id: the server's calls expect no completion
                var target = reader.ReadString();
                reader.ReadArrayHeader();
                HandleCall(target, ref reader, replies);
                break;
        }
    }

    private void HandleCall(string? target, ref BlazorPackReader arguments, List<byte[]> replies)
    {
        switch (target)
        {
            case "JS.RenderBatch":
                var batchId = arguments.ReadInt64();
                bell.Read(arguments.ReadBytes());
                Volatile.Write(ref lastRender, Stopwatch.GetTimestamp());
                Interlocked.Increment(ref renders);
                replies.Add(BlazorPack.Invoke(null, "OnRenderCompleted", batchId, null));
                break;
            case "JS.BeginInvokeJS":
                var taskId = arguments.ReadInt64();
                var identifier = arguments.ReadString();
                var argumentsJson = arguments.ReadString();
                var resultType = arguments.ReadInt64();
                HandleJavaScriptCall(taskId, identifier, argumentsJson, resultType, replies);
                break;
            case "JS.EndInvokeDotNet":
                var callId = arguments.ReadString();
                var succeeded = arguments.ReadBoolean();
                if (callId == Volatile.Read(ref clickCallId))
                {
                    Volatile.Read(ref click)?.TrySetResult(succeeded);
                }

                break;
            case "JS.Error":
                Failure = "JS.Error: " + arguments.ReadString();
                started.TrySetResult(null);
                break;
        }
    }

    /// <summary>
    /// Answers a call the server makes into the page's JavaScript. Two matter to a tab without a
    /// page: the renderer's interop object (events are dispatched through it) and navigation
    /// asked for by the server (the browser would follow it and report the new location).
    /// </summary>
    private void HandleJavaScriptCall(long taskId, string? identifier, string? argumentsJson, long resultType, List<byte[]> replies)
    {
        object? navigateTo = null;
        if (identifier == "Blazor._internal.attachWebRendererInterop" && argumentsJson is not null)
        {
            rendererObjectId = JsonNode.Parse(argumentsJson)![1]!["__dotNetObject"]!.GetValue<long>();
        }
        else if (identifier == "Blazor._internal.navigationManager.navigateTo" && argumentsJson is not null)
        {
            navigateTo = JsonNode.Parse(argumentsJson)![0]!.GetValue<string>();
        }

        if (taskId != 0)
        {
            // JSCallResultType 1 asks for a JavaScript object reference; every other call gets null.
            var result = resultType == 1 ? $$"""{"__jsObjectId":{{Interlocked.Increment(ref nextJsObject)}}}""" : "null";
            replies.Add(BlazorPack.Invoke(null, "EndInvokeJSFromDotNet", taskId, true, $"[{taskId},true,{result}]"));
        }

        if (navigateTo is string uri)
        {
            replies.Add(BlazorPack.Invoke(null, "OnLocationChanged", new Uri(baseAddress, uri).ToString(), null, false));
        }
    }

    /// <summary>Keeps the connection alive as the browser does (the server drops a client silent for 30 s).</summary>
    private async Task PingAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                await SendAsync(BlazorPack.PingMessage());
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
    }

    private async Task SendAsync(byte[] message)
    {
        await sending.WaitAsync(stop.Token);
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Binary, true, stop.Token);
        }
        finally
        {
            sending.Release();
        }
    }

    private const string MouseClick = """
        {"type":"click","detail":1,"screenX":0,"screenY":0,"clientX":0,"clientY":0,"offsetX":0,"offsetY":0,"pageX":0,"pageY":0,"movementX":0,"movementY":0,"button":0,"buttons":0,"ctrlKey":false,"shiftKey":false,"altKey":false,"metaKey":false}
        """;

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex ComponentComment();

    [GeneratedRegex("<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->")]
    private static partial Regex StateComment();
}
