package dev.atscope.capture;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A serial port the system reports, as {@code atscope ports} lists it. Pseudo-terminals are not
 * reported by jSerialComm; they are opened by path all the same.
 *
 * @param path the path to open ({@code /dev/ttyUSB0}, {@code COM3})
 * @param name the system's short name ({@code ttyUSB0})
 * @param description what the system or the adapter calls it ({@code CP2102 USB to UART Bridge Controller})
 * @param manufacturer the adapter's maker, or empty
 * @param vendorId the USB vendor id, or -1
 * @param productId the USB product id, or -1
 * @param serialNumber the adapter's serial number, or empty
 * @param location where it is plugged in (bus and port), or empty
 */
public record PortInfo(String path, String name, String description, String manufacturer, int vendorId,
        int productId, String serialNumber, String location) {

    /** The ports jSerialComm sees now. */
    public static List<PortInfo> available() throws IOException {
        SerialPort[] ports;
        try {
            ports = SerialPort.getCommPorts();
        } catch (LinkageError e) {
            throw SerialLink.nativeLibraryFailure(e);
        }
        List<PortInfo> out = new ArrayList<>();
        for (SerialPort p : ports) {
            out.add(new PortInfo(p.getSystemPortPath(), p.getSystemPortName(), text(p.getPortDescription()),
                    text(p.getManufacturer()), p.getVendorID(), p.getProductID(), text(p.getSerialNumber()),
                    text(p.getPortLocation())));
        }
        return out;
    }

    /** {@code 10c4:ea60} for a USB adapter, empty otherwise. */
    public String usbId() {
        return vendorId < 0 || productId < 0 ? "" : String.format("%04x:%04x", vendorId, productId);
    }

    private static String text(String s) {
        return s == null || s.equalsIgnoreCase("Unknown") ? "" : s.trim();
    }
}
