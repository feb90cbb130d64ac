package com.marketplace.disputes.refund;

import com.marketplace.disputes.dispute.DisputeProcess;

/**
 * The names of {@code returnAndRefund} the code needs: its key, the elements code finds by id and
 * its variables. It is called with the dispute's outcome, under the dispute's names.
 */
public final class ReturnAndRefundProcess {

  public static final String KEY = "returnAndRefund";

  // Elements the code acts on by id.
  public static final String SHIP_RETURN = "ShipReturn";
  public static final String RETURN_SHIPMENT_DEADLINE = "ReturnShipmentDeadline";
  public static final String CONFIRM_RETURN_RECEIVED = "ConfirmReturnReceived";
  public static final String RETURN_RECEIPT_DEADLINE = "ReturnReceiptDeadline";
  public static final String ISSUE_REFUND = "IssueRefund";

  // Variables.
  public static final String RESOLUTION = DisputeProcess.RESOLUTION;
  public static final String REFUND_AMOUNT = DisputeProcess.REFUND_AMOUNT;
  public static final String REFUND_ID = "refundId";
  public static final String REFUND_EXPECTED_BY = "refundExpectedBy";
  public static final String RETURN_TRACKING_NUMBER = "returnTrackingNumber";

  private ReturnAndRefundProcess() {}
}
