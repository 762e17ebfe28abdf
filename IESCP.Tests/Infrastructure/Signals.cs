using System.Diagnostics;
using System.Globalization;

namespace IESCP.Tests.Infrastructure;

/// <summary>
/// POSIX signals for a process a test started, through the system's kill: .NET itself sends only
/// SIGKILL (<see cref="Process.Kill()"/>), and a test may need to pause, resume or stop one politely.
/// </summary>
public static class Signals
{
    /// <summary>Sends <paramref name="signal"/> (such as "-TERM" or "-STOP") and returns once it is delivered.</summary>
    public static void Send(Process process, string signal)
    {
        using var kill = Process.Start("/bin/kill", [signal, process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
