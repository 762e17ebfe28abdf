using System.Globalization;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace IESCP.Tests.Infrastructure;

/// <summary>
/// The warnings and errors of one hosted app (and anything else a fixture adds, such as its
/// browser pages' console errors), kept in memory so that a failed test can show what the server
/// saw: a failure on CI must be readable from the test output alone.
/// </summary>
public sealed class AppLog : ILoggerProvider
{
    private readonly List<string> lines = [];

    public void Add(string line)
    {
        lock (lines)
        {
            lines.Add($"{DateTime.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} {line}");
        }
    }

    /// <summary>
    /// Writes to a test's output, when the returned token is disposed (at the end of the test),
    /// what was logged in between. The runner shows a test's output only when the test fails.
    /// </summary>
    public IDisposable ReportTo(ITestOutputHelper output)
    {
        int start;
        lock (lines)
        {
            start = lines.Count;
        }

        return new Report(this, output, start);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Report(AppLog log, ITestOutputHelper output, int start) : IDisposable
    {
        public void Dispose()
        {
            List<string> logged;
            lock (log.lines)
            {
                logged = log.lines[start..];
            }

            output.WriteLine(logged.Count == 0
                ? "The app logged no warnings or errors during this test."
                : $"The app's warnings and errors during this test ({logged.Count}):");
            logged.ForEach(output.WriteLine);
        }
    }

    private sealed class Logger(AppLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Add($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
            }
        }
    }
}
