using System.Net.Mail;
using System.Net.Sockets;
using System.Reflection;

namespace IESCP.Jobs.Email;

/// <summary>
/// Stands in for the TCP_NODELAY setting that System.Net.Mail's <see cref="SmtpClient"/> does not
/// offer (MailKit, whose client sets it, is not in the package registry here). With Nagle's
/// algorithm on, the few bytes that end a message wait until the server acknowledges the body,
/// and a server delays that acknowledgement by up to 40 ms: one connection then carries about 22
/// messages a second, however fast the server. This reaches the client's socket through the
/// runtime's private fields, looked up once. Should a runtime rename them it does nothing (mail
/// still goes, only slower), and its test fails so that the upgrade is noticed.
/// </summary>
internal static class SmtpNoDelay
{
    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;

    private static readonly FieldInfo? Transport = typeof(SmtpClient).GetField("_transport", Private);

    private static readonly FieldInfo? Connection = Transport?.FieldType.GetField("_connection", Private);

    private static readonly FieldInfo? Tcp = Connection?.FieldType.GetField("_tcpClient", Private);

    /// <summary>Turns Nagle's algorithm off on the client's open connection; false when it has none, or it cannot be reached.</summary>
    public static bool Apply(SmtpClient client)
    {
        try
        {
            if (Socket(client) is not { Connected: true } tcp)
            {
                return false;
            }

            tcp.NoDelay = true;
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>The TCP connection the client keeps open between messages, if any.</summary>
    internal static TcpClient? Socket(SmtpClient client) =>
        Transport?.GetValue(client) is { } transport && Connection?.GetValue(transport) is { } connection
            ? Tcp?.GetValue(connection) as TcpClient
            : null;
}
