package vn.hocso.progress.control;

import java.io.IOException;

/** Where a streamed report goes, row after row: a CSV or an XLSX writer. */
interface ReportSink {

  void row(DetailRow row) throws IOException;
}
