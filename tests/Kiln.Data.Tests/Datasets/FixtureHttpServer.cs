using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Kiln.Data.Tests.Datasets;

/// <summary>What the fixture server saw and sent for one request.</summary>
sealed record ServedRequest(string Path, string? Range, int Status, long BytesSent);

/// <summary>
/// A small HTTP server on 127.0.0.1 and a free port that serves fixed files with Range support, records every
/// request, and can ignore Range or pause part-way through a body so a test can cancel mid-download.
/// </summary>
sealed partial class FixtureHttpServer : IDisposable
{
    readonly HttpListener _listener = new();
    readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    readonly ConcurrentQueue<ServedRequest> _requests = new();
    readonly CancellationTokenSource _stop = new();
    readonly Task _loop;

    public FixtureHttpServer()
    {
        var port = FreePort();
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUri.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUri { get; }

    public IReadOnlyList<ServedRequest> Requests => [.. _requests];

    /// <summary>When true, a Range header is ignored and the whole file is sent with 200, as some servers do.</summary>
    public bool IgnoreRange { get; set; }

    /// <summary>When set, the body stops after this many bytes until <see cref="Resume"/> is called.</summary>
    public long? PauseAfterBytes { get; set; }

    TaskCompletionSource _resume = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Resume() => _resume.TrySetResult();

    public Uri Serve(string path, byte[] content)
    {
        _files[path] = content;
        return new Uri(BaseUri, path.TrimStart('/'));
    }

    async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            _ = Task.Run(() => RespondAsync(context));
        }
    }

    async Task RespondAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var range = context.Request.Headers["Range"];
        var response = context.Response;
        long sent = 0;
        var recorded = false;
        try
        {
            if (!_files.TryGetValue(path, out var content))
            {
                response.StatusCode = 404;
                _requests.Enqueue(new ServedRequest(path, range, 404, 0));
                recorded = true;
                response.Close();
                return;
            }
            var start = 0L;
            if (range is not null && !IgnoreRange && RangeStart().Match(range) is { Success: true } match)
            {
                start = long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                response.StatusCode = 206;
                response.Headers["Content-Range"] = $"bytes {start}-{content.Length - 1}/{content.Length}";
            }
            response.ContentLength64 = content.Length - start;
            var output = response.OutputStream;
            for (var offset = start; offset < content.Length;)
            {
                var count = (int)Math.Min(1024, content.Length - offset);
                if (PauseAfterBytes is { } pause && sent < pause && sent + count > pause) count = (int)(pause - sent);
                await output.WriteAsync(content.AsMemory((int)offset, count));
                await output.FlushAsync();
                offset += count;
                sent += count;
                if (PauseAfterBytes is { } stopAt && sent == stopAt)
                    await _resume.Task.WaitAsync(TimeSpan.FromSeconds(10));
            }
            // recorded before the response completes, so a client that has the whole body also finds its request here
            _requests.Enqueue(new ServedRequest(path, range, response.StatusCode, sent));
            recorded = true;
            response.Close();
        }
        catch (Exception)
        {
            // The client went away (a cancelled download): record what had been sent by then.
            if (!recorded) _requests.Enqueue(new ServedRequest(path, range, response.StatusCode, sent));
            try { response.Abort(); } catch (ObjectDisposedException) { }
        }
    }

    static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    [GeneratedRegex(@"^bytes=(\d+)-$")]
    private static partial Regex RangeStart();

    public void Dispose()
    {
        _stop.Cancel();
        _resume.TrySetResult();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}
