using System.Buffers.Binary;
using System.Text;

namespace IESCP.Web.Commands;

/// <summary>
/// Finds one button's click handler in the render batches a circuit sends (the browser script's
/// binary format: diffs of edits, each pointing at fixed-size frames, and a string table; all
/// offsets are in the batch's last 20 bytes). The button is the element whose attribute
/// <see cref="AttributeName"/> starts with <see cref="AttributePrefix"/>; once found, a later
/// batch that re-renders its component with a new handler replaces the id.
/// </summary>
internal sealed class RenderBatchScan(string attributeName, string attributePrefix)
{
    private const int FrameSize = 20;
    private const int EditSize = 16;
    private const int ElementFrame = 1;
    private const int AttributeFrame = 3;
    private const int PrependFrameEdit = 1;
    private const int SetAttributeEdit = 3;

    private int componentId = -1;

    public string AttributeName { get; } = attributeName;

    public string AttributePrefix { get; } = attributePrefix;

    /// <summary>The button's current click handler id; 0 until a batch has rendered it.</summary>
    public ulong ClickHandlerId { get; private set; }

    public void Read(ReadOnlySpan<byte> batch)
    {
        var end = batch.Length - 5 * 4;
        var diffsTable = Int(batch, end);
        var framesStart = Int(batch, end + 4) + 4;
        var stringsTable = Int(batch, end + 16);
        var diffCount = Int(batch, diffsTable);
        for (var d = 0; d < diffCount; d++)
        {
            var diff = Int(batch, diffsTable + 4 + 4 * d);
            var diffComponent = Int(batch, diff);
            var edits = Int(batch, diff + 4);
            for (var e = 0; e < edits; e++)
            {
                var edit = diff + 8 + EditSize * e;
                var type = Int(batch, edit);
                var frame = framesStart + FrameSize * Int(batch, edit + 8);
                if (type == PrependFrameEdit && Int(batch, frame) == ElementFrame)
                {
                    FindButton(batch, frame, Int(batch, frame + 4), diffComponent, stringsTable, end);
                }
                else if (type == SetAttributeEdit && diffComponent == componentId && Int(batch, frame) == AttributeFrame
                    && Text(batch, Int(batch, frame + 4), stringsTable, end) == "onclick")
                {
                    ClickHandlerId = BinaryPrimitives.ReadUInt64LittleEndian(batch[(frame + 12)..]);
                }
            }
        }
    }

    /// <summary>Looks through an inserted element's subtree for the button, attributes following their element.</summary>
    private void FindButton(ReadOnlySpan<byte> batch, int first, int count, int diffComponent, int stringsTable, int end)
    {
        for (var i = 0; i < count; i++)
        {
            var frame = first + FrameSize * i;
            if (Int(batch, frame) != ElementFrame)
            {
                continue;
            }

            var marked = false;
            ulong handler = 0;
            for (var a = frame + FrameSize; a < first + FrameSize * count && Int(batch, a) == AttributeFrame; a += FrameSize)
            {
                var name = Text(batch, Int(batch, a + 4), stringsTable, end);
                if (name == AttributeName)
                {
                    marked = Text(batch, Int(batch, a + 8), stringsTable, end)?.StartsWith(AttributePrefix, StringComparison.Ordinal) == true;
                }
                else if (name == "onclick")
                {
                    handler = BinaryPrimitives.ReadUInt64LittleEndian(batch[(a + 12)..]);
                }
            }

            if (marked && handler != 0)
            {
                componentId = diffComponent;
                ClickHandlerId = handler;
            }
        }
    }

    private static int Int(ReadOnlySpan<byte> batch, int offset) => BinaryPrimitives.ReadInt32LittleEndian(batch[offset..]);

    /// <summary>A string of the table (a 7-bit length, then UTF-8), or null for index -1.</summary>
    private static string? Text(ReadOnlySpan<byte> batch, int index, int stringsTable, int end)
    {
        if (index < 0 || stringsTable + 4 * index >= end)
        {
            return null;
        }

        var at = Int(batch, stringsTable + 4 * index);
        var length = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = batch[at++];
            length |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        return Encoding.UTF8.GetString(batch.Slice(at, length));
    }
}
