"""A court list whose firms are known by masked USCCs, as the real 2019 Baidu API answer
prints them (``9114010075****863E``): for the tests of pages and tables that must name
such firms."""

from __future__ import annotations

import json
from pathlib import Path

from cscs.extract.identifiers import make_uscc


def masked_list(folder: Path) -> Path:
    """A court list in the shape of the 2019 Baidu API answer: firms known by a USCC
    with four digits masked (``****``), one by an organisation code."""
    uscc = make_uscc("330106", "MA2EXKL0")
    masked = uscc[:10] + "****" + uscc[14:]
    entries = [{"iname": "杭州测试遮蔽有限公司", "cardNum": masked, "businessEntity": "王五",
                "caseCode": "(2019)浙0106执100号", "courtName": "杭州市西湖区人民法院", "areaName": "浙江",
                "duty": "支付案款", "performance": "全部未履行", "disruptTypeName": "违反财产报告制度",
                "publishDate": "2019年07月13日", "regDate": "20190114", "gistId": "(2018)浙0106民初1号",
                "gistUnit": "杭州西湖法院", "partyTypeName": "1", "type": "失信被执行人名单"},
               {"iname": "杭州另一遮蔽有限公司", "cardNum": "9133010612****567X", "businessEntity": "赵六",
                "caseCode": "(2019)浙0106执101号", "courtName": "杭州市西湖区人民法院", "areaName": "浙江",
                "duty": "支付案款", "performance": "全部未履行", "disruptTypeName": "违反财产报告制度",
                "publishDate": "2019年07月14日", "regDate": "20190115", "gistId": "(2018)浙0106民初2号",
                "gistUnit": "杭州西湖法院", "partyTypeName": "1", "type": "失信被执行人名单"}]
    path = folder / "masked.json"
    path.write_text(json.dumps({"status": "0", "data": [{"result": entries}]}, ensure_ascii=False),
                    encoding="utf-8")
    return path
