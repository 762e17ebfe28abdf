using System.Buffers.Binary;
using System.Text;

namespace IESCP.Web.Commands;

/// <summary>
/// The part of Blazor's hub protocol ("blazorpack": SignalR's MessagePack messages, each prefixed
/// with its length as a 7-bit varint) that a circuit client needs: invocations and pings out;
/// invocations, completions, pings and close in. Only the MessagePack types those carry.
/// </summary>
internal static class BlazorPack
{
    public const int Invocation = 1;
    public const int Completion = 3;
    public const int Ping = 6;
    public const int Close = 7;

    /// <summary>The handshake, sent as text before any message.</summary>
    public const string Handshake = "{\"protocol\":\"blazorpack\",\"version\":1}\u001e";

    /// <summary>An invocation of a hub method; with no id the server sends no completion (the browser's "send").</summary>
    public static byte[] Invoke(string? invocationId, string target, params object?[] arguments)
    {
        var body = new MemoryStream();
        WriteArrayHeader(body, 6);
        WriteInt(body, Invocation);
        body.WriteByte(0x80); // no headers
        WriteValue(body, invocationId);
        WriteValue(body, target);
        WriteArrayHeader(body, arguments.Length);
        foreach (var argument in arguments)
        {
            WriteValue(body, argument);
        }

        WriteArrayHeader(body, 0); // no streams
        return Frame(body);
    }

    public static byte[] PingMessage()
    {
        var body = new MemoryStream();
        WriteArrayHeader(body, 1);
        WriteInt(body, Ping);
        return Frame(body);
    }

    /// <summary>Takes the next whole message off the front of <paramref name="buffer"/>, if it holds one.</summary>
    public static bool TryTakeMessage(ref ReadOnlySpan<byte> buffer, out ReadOnlySpan<byte> message)
    {
        message = default;
        var length = 0;
        for (var i = 0; i < 5; i++)
        {
            if (i >= buffer.Length)
            {
                return false;
            }

            length |= (buffer[i] & 0x7f) << (7 * i);
            if ((buffer[i] & 0x80) == 0)
            {
                if (buffer.Length - i - 1 < length)
                {
                    return false;
                }

                message = buffer.Slice(i + 1, length);
                buffer = buffer[(i + 1 + length)..];
                return true;
            }
        }

        throw new InvalidDataException("A message length longer than five bytes.");
    }

    private static byte[] Frame(MemoryStream body)
    {
        var output = new MemoryStream();
        var length = (uint)body.Length;
        do
        {
            var next = (byte)(length & 0x7f);
            length >>= 7;
            output.WriteByte(length > 0 ? (byte)(next | 0x80) : next);
        }
        while (length > 0);
        body.Position = 0;
        body.CopyTo(output);
        return output.ToArray();
    }

    private static void WriteValue(MemoryStream output, object? value)
    {
        switch (value)
        {
            case null:
                output.WriteByte(0xc0);
                break;
            case bool flag:
                output.WriteByte(flag ? (byte)0xc3 : (byte)0xc2);
                break;
            case int number:
                WriteInt(output, number);
                break;
            case long number:
                WriteInt(output, number);
                break;
            case string text:
                var bytes = Encoding.UTF8.GetBytes(text);
                if (bytes.Length < 32)
                {
                    output.WriteByte((byte)(0xa0 | bytes.Length));
                }
                else
                {
                    output.WriteByte(0xdb);
                    WriteBigEndian(output, (uint)bytes.Length);
                }

                output.Write(bytes);
                break;
            default:
                throw new ArgumentException($"No blazorpack encoding for {value.GetType().Name}.", nameof(value));
        }
    }

    private static void WriteInt(MemoryStream output, long value)
    {
        if (value is >= 0 and < 128)
        {
            output.WriteByte((byte)value);
            return;
        }

        output.WriteByte(0xd3);
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        output.Write(bytes);
    }

    private static void WriteArrayHeader(MemoryStream output, int count)
    {
        if (count < 16)
        {
            output.WriteByte((byte)(0x90 | count));
            return;
        }

        output.WriteByte(0xdd);
        WriteBigEndian(output, (uint)count);
    }

    private static void WriteBigEndian(MemoryStream output, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        output.Write(bytes);
    }
}

/// <summary>Reads the MessagePack values of one hub message, front to back.</summary>
internal ref struct BlazorPackReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> data = data;
    private int position;

    public int ReadArrayHeader()
    {
        var code = data[position++];
        return code switch
        {
            >= 0x90 and <= 0x9f => code & 0x0f,
            0xdc => (int)ReadUnsigned(2),
            0xdd => (int)ReadUnsigned(4),
            _ => throw Unexpected(code, "an array"),
        };
    }

    public bool TryReadNil()
    {
        if (data[position] != 0xc0)
        {
            return false;
        }

        position++;
        return true;
    }

    public long ReadInt64()
    {
        var code = data[position++];
        return code switch
        {
            <= 0x7f => code,
            >= 0xe0 => (sbyte)code,
            0xcc => (long)ReadUnsigned(1),
            0xcd => (long)ReadUnsigned(2),
            0xce => (long)ReadUnsigned(4),
            0xcf => (long)ReadUnsigned(8),
            0xd0 => (sbyte)ReadUnsigned(1),
            0xd1 => (short)ReadUnsigned(2),
            0xd2 => (int)ReadUnsigned(4),
            0xd3 => (long)ReadUnsigned(8),
            _ => throw Unexpected(code, "an integer"),
        };
    }

    public bool ReadBoolean()
    {
        var code = data[position++];
        return code switch
        {
            0xc3 => true,
            0xc2 => false,
            _ => throw Unexpected(code, "a boolean"),
        };
    }

    public string? ReadString()
    {
        if (TryReadNil())
        {
            return null;
        }

        var code = data[position++];
        var length = code switch
        {
            >= 0xa0 and <= 0xbf => code & 0x1f,
            0xd9 => (int)ReadUnsigned(1),
            0xda => (int)ReadUnsigned(2),
            0xdb => (int)ReadUnsigned(4),
            _ => throw Unexpected(code, "a string"),
        };
        var text = Encoding.UTF8.GetString(data.Slice(position, length));
        position += length;
        return text;
    }

    public ReadOnlySpan<byte> ReadBytes()
    {
        var code = data[position++];
        var length = code switch
        {
            0xc4 => (int)ReadUnsigned(1),
            0xc5 => (int)ReadUnsigned(2),
            0xc6 => (int)ReadUnsigned(4),
            _ => throw Unexpected(code, "bytes"),
        };
        var bytes = data.Slice(position, length);
        position += length;
        return bytes;
    }

    /// <summary>Skips one value of any of the types a hub message carries (headers, results).</summary>
    public void Skip()
    {
        var code = data[position];
        switch (code)
        {
            case <= 0x7f or >= 0xe0 or 0xcc or 0xcd or 0xce or 0xcf or 0xd0 or 0xd1 or 0xd2 or 0xd3:
                ReadInt64();
                break;
            case 0xc0 or 0xc2 or 0xc3:
                position++;
                break;
            case 0xca:
                position += 5;
                break;
            case 0xcb:
                position += 9;
                break;
            case (>= 0xa0 and <= 0xbf) or 0xd9 or 0xda or 0xdb:
                ReadString();
                break;
            case 0xc4 or 0xc5 or 0xc6:
                ReadBytes();
                break;
            case (>= 0x90 and <= 0x9f) or 0xdc or 0xdd:
                for (var n = ReadArrayHeader(); n > 0; n--)
                {
                    Skip();
                }

                break;
            case (>= 0x80 and <= 0x8f) or 0xde or 0xdf:
                position++;
                var pairs = code switch { 0xde => (int)ReadUnsigned(2), 0xdf => (int)ReadUnsigned(4), _ => code & 0x0f };
                for (var n = 2 * pairs; n > 0; n--)
                {
                    Skip();
                }

                break;
            default:
                throw Unexpected(code, "a value");
        }
    }

    private ulong ReadUnsigned(int size)
    {
        ulong value = 0;
        for (var i = 0; i < size; i++)
        {
            value = (value << 8) | data[position++];
        }

        return value;
    }

    private static InvalidDataException Unexpected(byte code, string wanted) => new($"MessagePack code 0x{code:x2} where {wanted} was expected.");
}
