using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IESCP.Tests.Infrastructure;

/// <summary>Makes a received message readable for assertions: quoted-printable parts decoded as UTF-8.</summary>
public static partial class Mime
{
    public static string Decode(string message)
    {
        var joined = message.Replace("=\r\n", "").Replace("=\n", "");
        var bytes = new List<byte>(joined.Length);
        var position = 0;
        foreach (Match escape in HexEscape().Matches(joined))
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(joined[position..escape.Index]));
            bytes.Add(byte.Parse(escape.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            position = escape.Index + escape.Length;
        }

        bytes.AddRange(Encoding.UTF8.GetBytes(joined[position..]));
        return Encoding.UTF8.GetString([.. bytes]);
    }

    [GeneratedRegex("=([0-9A-F]{2})")]
    private static partial Regex HexEscape();
}
